import { GraphQLError } from 'graphql';
import type { YogaLogger } from 'graphql-yoga';
import { Prisma } from '../generated/prisma/client.js';
import { notFound } from '../errors.js';

/**
 * Expected errors (with an extensions.code) pass through; a Prisma "record not found" becomes
 * NOT_FOUND; anything else is masked, and only its name and message reach the log.
 */
export function createErrorMasker(logger: YogaLogger) {
  return (error: unknown): Error => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof GraphQLError && original.extensions?.code) {
      return error instanceof GraphQLError ? error : original;
    }
    if (original instanceof Prisma.PrismaClientKnownRequestError && original.code === 'P2025') {
      const located = error instanceof GraphQLError ? error : undefined;
      return new GraphQLError(notFound().message, { path: located?.path, extensions: { code: 'NOT_FOUND' } });
    }
    if (error instanceof GraphQLError && !error.originalError) return error; // parse and validation errors
    const name = original instanceof Error ? original.name : 'Error';
    const message = original instanceof Error ? original.message.split('\n')[0] : String(original);
    logger.error(`Unexpected error: ${name}: ${message}`);
    const path = error instanceof GraphQLError ? error.path : undefined;
    return new GraphQLError('Unexpected error.', { path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  };
}
