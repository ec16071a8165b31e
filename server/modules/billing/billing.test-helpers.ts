// Billing on, against the loopback Stripe (server/test/stripe-server.ts), for billing's tests.
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startFakeStripe, type FakeStripe } from '../../test/stripe-server.js';
import { useTestApp, type TestApp } from '../../test/test-app.js';
import { useTestServer } from '../../test/test-server.js';
import { billingPlansSchema, type BillingConfig } from './billing.config.js';
import { createBilling } from './billing.service.js';

export const WEBHOOK_SECRET = 'whsec_kith_test_secret';

export const TEST_PLANS = billingPlansSchema.parse({
  plans: [
    { id: 'free', name: 'Free', free: true, limits: { seats: 5, contacts: 3, storageBytes: 64, aiTokensPerMonth: 1000, apiCallsPerDay: 3 } },
    {
      id: 'team',
      name: 'Team',
      limits: { seats: 10, contacts: 100, storageBytes: 10_000, aiTokensPerMonth: 100_000, apiCallsPerDay: 1000 },
      prices: { base: 'price_team_base', seat: 'price_team_seat', aiTokens: 'price_team_ai' },
    },
  ],
  trial: { daysWithCard: 30, daysWithoutCard: 7 },
  pastDueGraceDays: 7,
});

export function billingConfigFor(fake: FakeStripe | null, plans = TEST_PLANS): BillingConfig {
  return { ...plans, secretKey: fake?.secretKey ?? 'sk_test_unstarted', webhookSecret: WEBHOOK_SECRET, webhookToleranceSeconds: 300, endpoint: fake?.endpoint };
}

/** A test file's app with billing on, and its loopback Stripe. */
export function useBillingApp(plans = TEST_PLANS) {
  const holder: { fake: FakeStripe | null } = { fake: null };
  const config = billingConfigFor(null, plans);
  beforeAll(async () => {
    holder.fake = await startFakeStripe();
    Object.assign(config, billingConfigFor(holder.fake, plans));
  });
  afterAll(() => holder.fake?.close());
  const getApp = useTestApp({ config: { billing: config } });
  return { getApp, stripe: () => holder.fake! };
}

let shared: Promise<FakeStripe> | null = null;

/** Turns billing on for the rest of one test (role matrix cases), against a loopback Stripe shared by the run. */
export async function withBilling(app: TestApp): Promise<FakeStripe> {
  const fake = await (shared ??= startFakeStripe());
  app.services.billing = createBilling(billingConfigFor(fake));
  return fake;
}

let eventCounter = 0;

/** An event as Stripe sends it, `created` in seconds. */
export function stripeEvent(type: string, object: object, created = Math.floor(Date.now() / 1000)) {
  eventCounter += 1;
  return {
    id: `evt_test_${Date.now()}_${eventCounter}`,
    object: 'event',
    api_version: '2026-11-18.endive',
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

/** The body and the Stripe-Signature header Stripe would send, signed by the library's own test helper. */
export function signed(event: object, options: { secret?: string; timestamp?: number } = {}) {
  const body = JSON.stringify(event);
  const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: options.secret ?? WEBHOOK_SECRET, timestamp: options.timestamp });
  return { body, header };
}

/** A real HTTP server for the test, closed after it. */
export function useKithServer(getApp: () => TestApp) {
  const start = useTestServer(getApp);
  let base: string | null = null;
  afterEach(() => {
    base = null;
  });
  return async function post(path: string, body: string, headers: Record<string, string>) {
    base ??= await start();
    const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}

/** Delivers a signed event to /webhooks/stripe. */
export function webhookSender(getApp: () => TestApp) {
  const post = useKithServer(getApp);
  return (event: object, options: { secret?: string; timestamp?: number; tamper?: (body: string) => string; unsigned?: boolean } = {}) => {
    const { body, header } = signed(event, options);
    return post('/webhooks/stripe', options.tamper ? options.tamper(body) : body, options.unsigned ? {} : { 'stripe-signature': header });
  };
}
