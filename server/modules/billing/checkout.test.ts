// Checkout (owners), the customer portal (billing:manage), and the return from Checkout, against the loopback Stripe.
import { describe, expect, it } from 'vitest';
import { rolesFixture, type RolesFixture } from '../../test/fixtures.js';
import { errorCodes, type TestApp } from '../../test/test-app.js';
import { stripeEvent, useBillingApp, webhookSender } from './billing.test-helpers.js';

const { getApp, stripe } = useBillingApp();
const send = webhookSender(getApp);

const START = `mutation($plan: String!, $card: Boolean) { startBillingCheckout(planId: $plan, withCard: $card) }`;

async function acme(): Promise<{ app: TestApp; f: RolesFixture }> {
  const app = getApp();
  const f = await rolesFixture(app);
  for (const client of Object.values(f.clients)) client.workspaceId = f.workspaceGid;
  return { app, f };
}

const lastSession = () => [...stripe().checkoutSessions.values()].at(-1)!;

describe('checkout', () => {
  it('creates the customer once and a subscription checkout with the plan’s prices, seats and a 30-day trial', async () => {
    const { app, f } = await acme();
    const { startBillingCheckout: url } = await f.clients.OWNER.ok(START, { plan: 'team' });
    const session = lastSession();
    expect(url).toBe(session.url);
    expect(session).toMatchObject({
      mode: 'subscription',
      client_reference_id: f.workspaceId,
      metadata: { workspaceId: f.workspaceId, planId: 'team' },
      payment_method_collection: 'always',
      subscription_data: { trial_period_days: '30', metadata: { workspaceId: f.workspaceId, planId: 'team' } },
      success_url: `http://localhost:4000/settings/billing?checkout=success&session_id=${session.id}`,
      cancel_url: 'http://localhost:4000/settings/billing?checkout=cancelled',
    });
    expect(session.line_items).toEqual([{ price: 'price_team_base', quantity: '1' }, { price: 'price_team_seat', quantity: '4' }, { price: 'price_team_ai' }]);
    const customer = stripe().customers.get(session.customer)!;
    expect(customer).toMatchObject({ name: 'Acme', email: f.users.OWNER.email, metadata: { workspaceId: f.workspaceId } });
    expect(
      stripe()
        .requestsTo('POST', /^\/v1\/customers$/)
        .at(-1)!.idempotencyKey,
    ).toBe(`kith-customer-${f.workspaceId}`);
    expect(await app.prisma.billingAccount.findUnique({ where: { workspaceId: f.workspaceId } })).toMatchObject({
      stripeCustomerId: customer.id,
      status: 'NONE',
    });
    expect(
      await app.prisma.auditLogEntry.count({ where: { workspaceId: f.workspaceId, action: 'billing.checkout_started', actorUserId: f.users.OWNER.id } }),
    ).toBe(1);

    await f.clients.OWNER.ok(START, { plan: 'team' });
    expect(lastSession().customer).toBe(customer.id);
    expect([...stripe().customers.values()].filter((c) => c.metadata.workspaceId === f.workspaceId)).toHaveLength(1);
  });

  it('starts the shorter trial without a card, and gives no second trial', async () => {
    const { app, f } = await acme();
    await f.clients.OWNER.ok(START, { plan: 'team', card: false });
    expect(lastSession()).toMatchObject({
      payment_method_collection: 'if_required',
      subscription_data: { trial_period_days: '7', trial_settings: { end_behavior: { missing_payment_method: 'cancel' } } },
    });
    await app.prisma.billingAccount.update({ where: { workspaceId: f.workspaceId }, data: { stripeSubscriptionId: 'sub_old', status: 'CANCELED' } });
    await f.clients.OWNER.ok(START, { plan: 'team' });
    expect(lastSession().subscription_data.trial_period_days).toBeUndefined();
    expect(errorCodes(await f.clients.OWNER.gql(START, { plan: 'team', card: false }))).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses the free plan, an unknown plan and a second subscription, writing nothing', async () => {
    const { app, f } = await acme();
    const requests = stripe().requests.length;
    expect(errorCodes(await f.clients.OWNER.gql(START, { plan: 'free' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await f.clients.OWNER.gql(START, { plan: 'enterprise' }))).toEqual(['BAD_USER_INPUT']);
    expect(stripe().requests.length).toBe(requests);
    expect(await app.prisma.billingAccount.count()).toBe(0);
    await app.prisma.billingAccount.create({
      data: { workspaceId: f.workspaceId, stripeCustomerId: 'cus_1', stripeSubscriptionId: 'sub_1', status: 'ACTIVE', planId: 'team' },
    });
    const refused = await f.clients.OWNER.gql(START, { plan: 'team' });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.message).toMatch(/already has a subscription/);
  });

  it('answers BILLING_UNAVAILABLE when Stripe fails, with nothing recorded and nothing of Stripe’s answer shown', async () => {
    const { app, f } = await acme();
    stripe().failNext(/^\/v1\/checkout\/sessions$/, { status: 400, type: 'invalid_request_error', message: 'No such price: price_team_base (secret detail)' });
    const refused = await f.clients.OWNER.gql(START, { plan: 'team' });
    expect(errorCodes(refused)).toEqual(['BILLING_UNAVAILABLE']);
    expect(JSON.stringify(refused)).not.toContain('secret detail');
    expect(await app.prisma.auditLogEntry.count({ where: { action: 'billing.checkout_started' } })).toBe(0);
    expect(await app.prisma.activityEvent.count({ where: { workspaceId: f.workspaceId } })).toBe(0);
  });
});

describe('the customer portal', () => {
  it('opens for the workspace’s customer and returns to the billing page; without a customer it says so', async () => {
    const { app, f } = await acme();
    expect(errorCodes(await f.clients.ADMIN.gql(`mutation { openBillingPortal }`))).toEqual(['BAD_USER_INPUT']);
    const customer = await stripe().client().customers.create({});
    await app.prisma.billingAccount.create({ data: { workspaceId: f.workspaceId, stripeCustomerId: customer.id } });
    const { openBillingPortal: url } = await f.clients.ADMIN.ok(`mutation { openBillingPortal }`);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/portal\//);
    expect(
      stripe()
        .requestsTo('POST', /^\/v1\/billing_portal\/sessions$/)
        .at(-1)!.body,
    ).toEqual({ customer: customer.id, return_url: 'http://localhost:4000/settings/billing' });
  });
});

describe('the return from checkout', () => {
  it('applies the new subscription at once; the webhook that follows changes nothing; another workspace’s session is not found', async () => {
    const { app, f } = await acme();
    await f.clients.OWNER.ok(START, { plan: 'team' });
    const { session, subscription } = stripe().completeCheckout(lastSession().id);
    const COMPLETE = `mutation($s: String!) { completeBillingCheckout(sessionId: $s) { planId status trialDaysLeft seatsPaid } }`;
    const { completeBillingCheckout } = await f.clients.OWNER.ok(COMPLETE, { s: session.id });
    expect(completeBillingCheckout).toEqual({ planId: 'team', status: 'TRIALING', trialDaysLeft: 30, seatsPaid: 4 });
    await send(stripeEvent('customer.subscription.created', subscription, subscription.created - 1));
    expect(await app.prisma.auditLogEntry.count({ where: { workspaceId: f.workspaceId, action: 'billing.status_changed' } })).toBe(1);

    const other = await app.prisma.workspace.findFirstOrThrow({ where: { name: 'Elsewhere' } });
    const foreign = await stripe()
      .client()
      .checkout.sessions.create({
        mode: 'subscription',
        client_reference_id: other.id,
        success_url: 'http://x/',
        line_items: [{ price: 'price_team_base', quantity: 1 }],
      });
    expect(errorCodes(await f.clients.OWNER.gql(COMPLETE, { s: foreign.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await f.clients.OWNER.gql(COMPLETE, { s: 'cs_test_doesnotexist' }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await f.clients.OWNER.gql(COMPLETE, { s: '../v1/customers' }))).toEqual(['BAD_USER_INPUT']);
  });
});
