import Stripe from 'stripe';
import type { YogaLogger } from 'graphql-yoga';
import { billingUnavailable } from '../../errors.js';
import type { BillingConfig } from './billing.config.js';

/** Billing when it is on: its configuration and the official Stripe client. */
export interface Billing {
  config: BillingConfig;
  stripe: Stripe;
}

/** null when billing is off (no Stripe secrets): nothing of billing runs, queries, or limits anything. */
export function createBilling(config: BillingConfig | null): Billing | null {
  if (!config) return null;
  const stripe = new Stripe(config.secretKey, {
    ...(config.endpoint ?? {}),
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    appInfo: { name: 'Kith' },
  });
  return { config, stripe };
}

/**
 * Runs a Stripe call for a request: a Stripe failure becomes BILLING_UNAVAILABLE (logged by its type and
 * message only, never with request data), so the caller learns nothing changed.
 */
export async function callStripe<T>(logger: YogaLogger, what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      logger.warn(`Stripe: ${what} failed (${error.type}${error.code ? `/${error.code}` : ''}, HTTP ${error.statusCode ?? '-'}): ${error.message}`);
      throw billingUnavailable();
    }
    throw error;
  }
}
