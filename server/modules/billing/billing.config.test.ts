import { describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { loadConfig } from '../../config.js';
import { startFakeStripe } from '../../test/stripe-server.js';

const PLANS = JSON.stringify({
  plans: [
    { id: 'free', name: 'Free', free: true, limits: { contacts: 500 } },
    { id: 'team', name: 'Team', prices: { base: 'price_base', seat: 'price_seat', aiTokens: 'price_ai' }, limits: { seats: 20 } },
  ],
});
const ON = { STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: 'whsec_x', BILLING_PLANS: PLANS };

describe('billing configuration', () => {
  it('is off without the Stripe secrets, and nothing else turns it on', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).billing).toBeNull();
    expect(loadConfig({ NODE_ENV: 'test', BILLING_PLANS: PLANS }).billing).toBeNull();
    expect(loadConfig({ NODE_ENV: 'test', STRIPE_SECRET_KEY: '', STRIPE_WEBHOOK_SECRET: '' }).billing).toBeNull();
  });

  it('needs both secrets and declared plans', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', STRIPE_SECRET_KEY: 'sk_test_x' })).toThrow(/STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET go together/);
    expect(() => loadConfig({ NODE_ENV: 'test', STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: 'whsec_x' })).toThrow(/no plans are declared/);
  });

  it('reads plans with their limits, prices and trial rules; an unset limit is no limit', () => {
    const billing = loadConfig({ NODE_ENV: 'test', ...ON }).billing!;
    expect(billing.plans.map((plan) => plan.id)).toEqual(['free', 'team']);
    expect(billing.plans[0]!.limits).toEqual({ seats: null, contacts: 500, storageBytes: null, aiTokensPerMonth: null, apiCallsPerDay: null });
    expect(billing.plans[1]!.prices).toEqual({ base: 'price_base', seat: 'price_seat', aiTokens: 'price_ai' });
    expect(billing.trial).toEqual({ daysWithCard: 30, daysWithoutCard: 0 });
    expect(billing.pastDueGraceDays).toBe(7);
    expect(billing.endpoint).toBeUndefined();
  });

  it('refuses plans it cannot bill: a paid plan without a price, two free plans, a malformed price, bad JSON', () => {
    const env = (plans: unknown) => ({ NODE_ENV: 'test', ...ON, BILLING_PLANS: JSON.stringify({ plans }) });
    expect(() => loadConfig(env([{ id: 'pro', name: 'Pro' }]))).toThrow(/a paid plan needs a base or a seat price/);
    expect(() =>
      loadConfig(
        env([
          { id: 'a', name: 'A', free: true },
          { id: 'b', name: 'B', free: true },
        ]),
      ),
    ).toThrow(/at most one plan can be free/);
    expect(() => loadConfig(env([{ id: 'pro', name: 'Pro', prices: { base: 'prod_123' } }]))).toThrow(/must be a Stripe price ID/);
    expect(() => loadConfig({ NODE_ENV: 'test', ...ON, BILLING_PLANS: '{plans' })).toThrow(/BILLING_PLANS is not valid JSON/);
  });

  it('points the Stripe client elsewhere with STRIPE_API_URL', () => {
    const billing = loadConfig({ NODE_ENV: 'test', ...ON, STRIPE_API_URL: 'http://127.0.0.1:12111' }).billing!;
    expect(billing.endpoint).toEqual({ host: '127.0.0.1', port: 12111, protocol: 'http' });
  });
});

describe('the loopback Stripe', () => {
  it('answers the official client in Stripe’s shape, records requests, replays idempotent answers and fails on demand', async () => {
    const fake = await startFakeStripe();
    try {
      const stripe = fake.client();
      const customer = await stripe.customers.create({ name: 'Acme', metadata: { workspaceId: 'w1' } }, { idempotencyKey: 'k1' });
      expect(customer).toMatchObject({ object: 'customer', name: 'Acme', metadata: { workspaceId: 'w1' } });
      const again = await stripe.customers.create({ name: 'Acme', metadata: { workspaceId: 'w1' } }, { idempotencyKey: 'k1' });
      expect(again.id).toBe(customer.id);
      expect(fake.customers.size).toBe(1);
      const session = await stripe.checkout.sessions.create({
        mode: 'subscription',
        customer: customer.id,
        success_url: 'http://localhost/ok?s={CHECKOUT_SESSION_ID}',
        line_items: [{ price: 'price_a', quantity: 2 }, { price: 'price_m' }],
      });
      expect(session.url).toContain(`/checkout/${session.id}`);
      expect(fake.requestsTo('POST', /^\/v1\/checkout\/sessions$/)[0]!.body.line_items).toEqual([{ price: 'price_a', quantity: '2' }, { price: 'price_m' }]);
      fake.failNext(/^\/v1\/billing_portal\/sessions$/, { status: 402, type: 'card_error', code: 'card_declined', message: 'declined' });
      const failed = await stripe.billingPortal.sessions.create({ customer: customer.id }).catch((error: unknown) => error);
      expect(failed).toBeInstanceOf(Stripe.errors.StripeCardError);
      expect((await stripe.billingPortal.sessions.create({ customer: customer.id })).url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/portal\//);
      const wrongKey = new Stripe('sk_test_wrong', { ...fake.endpoint, maxNetworkRetries: 0 });
      await expect(wrongKey.customers.create({})).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    } finally {
      await fake.close();
    }
  });
});
