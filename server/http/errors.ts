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
    // Request-level errors (parse, validation, variable coercion such as "2026-02-30" for a Date) have
    // no path: they are the caller's mistake.
    if (error instanceof GraphQLError && !error.path) {
      if (error.extensions?.code) return error;
      return new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code: 'BAD_USER_INPUT' } });
    }
    const name = original instanceof Error ? original.name : 'Error';
    const message = original instanceof Error ? original.message.trim().split('\n')[0] : String(original);
    logger.error(`Unexpected error: ${name}: ${message}`);
    const path = error instanceof GraphQLError ? error.path : undefined;
    return new GraphQLError('Unexpected error.', { path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  };
}

/**
 * The logger Yoga gets. Yoga logs every error the masker replaced, which would put callers' mistakes
 * (CSRF refusals, bad variables, NOT_FOUND) in the error log; the masker already logs the unexpected
 * ones, so error objects Yoga hands over go to debug. Messages (strings) pass through unchanged.
 */
export function yogaLogger(logger: YogaLogger): YogaLogger {
  return {
    debug: (...args: unknown[]) => logger.debug(...args),
    info: (...args: unknown[]) => logger.info(...args),
    warn: (...args: unknown[]) => logger.warn(...args),
    error: (...args: unknown[]) => (args.length === 1 && args[0] instanceof Error ? logger.debug(...args) : logger.error(...args)),
  };
}
