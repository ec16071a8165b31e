import { GraphQLError } from 'graphql';
import { Prisma } from './generated/prisma/client.js';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  // Billing (server/modules/billing): a plan's limit reached, a read-only unpaid workspace, billing not configured.
  | 'PLAN_LIMIT'
  | 'PAYMENT_REQUIRED'
  | 'BILLING_DISABLED'
  | 'BILLING_UNAVAILABLE';

function kithError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

export const badInput = (message: string, field?: string) => kithError('BAD_USER_INPUT', message, field ? { field } : {});
export const unauthenticated = (message = 'You must be signed in.') => kithError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You are not allowed to do this.') => kithError('FORBIDDEN', message);
export const notFound = (what = 'Record') => kithError('NOT_FOUND', `${what} not found.`);
export const conflict = (message: string) => kithError('CONFLICT', message);
export const rateLimited = (message: string, retryAfterSeconds: number) => kithError('RATE_LIMITED', message, { retryAfterSeconds });

export const planLimit = (limit: string, message: string, details: Record<string, unknown> = {}) => kithError('PLAN_LIMIT', message, { limit, ...details });
export const paymentRequired = (message: string) => kithError('PAYMENT_REQUIRED', message);
export const billingUnavailable = () =>
  kithError('BILLING_UNAVAILABLE', 'The payment provider did not answer as expected; nothing was changed. Try again in a moment.');
export const billingDisabled = () =>
  kithError('BILLING_DISABLED', 'Billing is not enabled on this server: every workspace is self-hosted, without plans or limits.');

/** Turns a unique-constraint violation into a clear input error; rethrows anything else. */
export function rethrowUniqueViolation(error: unknown, message: string, field?: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    throw badInput(message, field);
  }
  throw error;
}
