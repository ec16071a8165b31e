import { describe, expect, it } from 'vitest';
import { jobHandlers } from '../../jobs/registry.js';
import { JobWorker } from '../../jobs/worker.js';
import { rolesFixture, type RolesFixture } from '../../test/fixtures.js';
import type { TestApp } from '../../test/test-app.js';
import type { FakeStripe } from '../../test/stripe-server.js';
import { purgeWorkspace } from '../privacy/workspace-purge.js';
import { stripeEvent, useBillingApp, webhookSender } from './billing.test-helpers.js';

const { getApp, stripe } = useBillingApp();
const send = webhookSender(getApp);

/** A subscription as Stripe holds it after a completed checkout for the workspace. */
async function subscriptionFor(fake: FakeStripe, workspaceId: string, options: { status?: string } = {}) {
  const client = fake.client();
  const customer = await client.customers.create({ metadata: { workspaceId } });
  const session = await client.checkout.sessions.create({
    mode: 'subscription',
    customer: customer.id,
    client_reference_id: workspaceId,
    success_url: 'http://localhost/',
    line_items: [{ price: 'price_team_base', quantity: 1 }, { price: 'price_team_seat', quantity: 4 }, { price: 'price_team_ai' }],
    subscription_data: { metadata: { workspaceId, planId: 'team' }, trial_period_days: 30 },
  });
  return fake.completeCheckout(session.id, options);
}

const account = (app: TestApp, workspaceId: string) => app.prisma.billingAccount.findUnique({ where: { workspaceId } });
const audit = (app: TestApp, workspaceId: string) =>
  app.prisma.auditLogEntry
    .findMany({ where: { workspaceId, action: { startsWith: 'billing.' } }, orderBy: { createdAt: 'asc' } })
    .then((rows) => rows.map((r) => [r.action, (r.details as { to?: string }).to ?? null]));
const feed = (app: TestApp, workspaceId: string) =>
  app.prisma.activityEvent
    .findMany({ where: { workspaceId, entityType: 'Billing' }, orderBy: { sequence: 'asc' } })
    .then((rows) => rows.map((r) => [r.verb, (r.changes as { to?: string }).to ?? null]));

async function fixture(): Promise<{ app: TestApp; f: RolesFixture; fake: FakeStripe }> {
  const app = getApp();
  return { app, f: await rolesFixture(app), fake: stripe() };
}

describe('POST /webhooks/stripe', () => {
  it('refuses a tampered body, a stale timestamp, a wrong secret and a missing signature, and stores nothing', async () => {
    const { app, f, fake } = await fixture();
    const { subscription } = await subscriptionFor(fake, f.workspaceId);
    const event = stripeEvent('customer.subscription.created', subscription);
    const tampered = await send(event, { tamper: (body) => body.replace('"trialing"', '"active"') });
    const stale = await send(event, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    const wrongSecret = await send(event, { secret: 'whsec_someone_else' });
    const unsigned = await send(event, { unsigned: true });
    expect([tampered.status, stale.status, wrongSecret.status, unsigned.status]).toEqual([400, 400, 400, 400]);
    expect(await app.prisma.stripeEvent.count()).toBe(0);
    expect(await account(app, f.workspaceId)).toBeNull();
    // Within the tolerance the same event is accepted.
    expect((await send(event, { timestamp: Math.floor(Date.now() / 1000) - 240 })).status).toBe(200);
    expect((await account(app, f.workspaceId))?.status).toBe('TRIALING');
  });

  it('rate limits an address that keeps sending bad signatures, as failed API-key logins are', async () => {
    const { app } = await fixture();
    const event = stripeEvent('customer.subscription.updated', { id: 'sub_x', object: 'subscription' });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await send(event, { secret: 'whsec_wrong' })).status);
    expect(statuses.slice(0, 30).every((status) => status === 400)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect((await send(event)).status).toBe(429);
    expect(await app.prisma.stripeEvent.count()).toBe(0);
  });

  it('handles an event once: a redelivery is acknowledged and changes nothing', async () => {
    const { app, f, fake } = await fixture();
    const { subscription } = await subscriptionFor(fake, f.workspaceId);
    const event = stripeEvent('customer.subscription.created', subscription);
    expect(await send(event)).toEqual({ status: 200, body: { received: true, duplicate: false } });
    await app.prisma.billingAccount.update({ where: { workspaceId: f.workspaceId }, data: { status: 'ACTIVE' } });
    expect(await send(event)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    expect((await account(app, f.workspaceId))?.status).toBe('ACTIVE');
    expect(await audit(app, f.workspaceId)).toEqual([['billing.status_changed', 'TRIALING']]);
  });

  it('never lets an older event regress the state, whatever order they arrive in', async () => {
    const { app, f, fake } = await fixture();
    const { subscription } = await subscriptionFor(fake, f.workspaceId);
    const t = Math.floor(Date.now() / 1000) - 100;
    await send(stripeEvent('customer.subscription.created', subscription, t));
    await send(stripeEvent('customer.subscription.updated', { ...subscription, status: 'past_due' }, t + 20));
    // Delivered late: the activation from before the failed payment.
    await send(stripeEvent('customer.subscription.updated', { ...subscription, status: 'active', trial_end: null }, t + 10));
    expect((await account(app, f.workspaceId))?.status).toBe('PAST_DUE');
    expect(await audit(app, f.workspaceId)).toEqual([
      ['billing.status_changed', 'TRIALING'],
      ['billing.status_changed', 'PAST_DUE'],
    ]);
  });

  it('walks every state: trialing, active, past_due (grace starts), unpaid, active again, canceled; each change an audit entry and a feed event', async () => {
    const { app, f, fake } = await fixture();
    const { subscription } = await subscriptionFor(fake, f.workspaceId);
    let t = Math.floor(Date.now() / 1000) - 1000;
    const step = async (status: string, type = 'customer.subscription.updated') => {
      t += 10;
      expect((await send(stripeEvent(type, { ...subscription, status }, t))).status).toBe(200);
      return account(app, f.workspaceId);
    };
    expect(await step('trialing', 'customer.subscription.created')).toMatchObject({
      status: 'TRIALING',
      planId: 'team',
      seatsPaid: 4,
      stripeSubscriptionId: subscription.id,
      stripeCustomerId: subscription.customer,
    });
    expect((await account(app, f.workspaceId))!.trialEndsAt!.getTime()).toBe(subscription.trial_end * 1000);
    expect(await step('active')).toMatchObject({ status: 'ACTIVE', pastDueSince: null });
    const pastDue = await step('past_due');
    expect(pastDue).toMatchObject({ status: 'PAST_DUE' });
    expect(pastDue!.pastDueSince!.getTime()).toBe(t * 1000);
    // A later past_due update keeps the grace period's start.
    expect((await step('past_due'))!.pastDueSince!.getTime()).toBe(pastDue!.pastDueSince!.getTime());
    expect(await step('unpaid')).toMatchObject({ status: 'UNPAID', pastDueSince: null });
    expect(await step('active')).toMatchObject({ status: 'ACTIVE' });
    expect(await step('canceled', 'customer.subscription.deleted')).toMatchObject({ status: 'CANCELED' });
    const expected = [['TRIALING'], ['ACTIVE'], ['PAST_DUE'], ['UNPAID'], ['ACTIVE'], ['CANCELED']].map(([to]) => to);
    expect(await audit(app, f.workspaceId)).toEqual(expected.map((to) => ['billing.status_changed', to]));
    expect(await feed(app, f.workspaceId)).toEqual(expected.map((to) => ['billing_status_changed', to]));
  });

  it('shows billing events in the feed to those who manage billing only', async () => {
    const { f, fake } = await fixture();
    const { subscription } = await subscriptionFor(fake, f.workspaceId);
    await send(stripeEvent('customer.subscription.created', subscription));
    const verbs = async (actor: 'OWNER' | 'ADMIN' | 'MEMBER' | 'VIEWER') => {
      const client = f.clients[actor];
      client.workspaceId = f.workspaceGid;
      const { activityEvents } = await client.ok(`{ activityEvents(first: 20) { edges { node { verb entityType } } } }`);
      return activityEvents.edges.map((e: { node: { verb: string } }) => e.node.verb);
    };
    expect(await verbs('OWNER')).toContain('billing_status_changed');
    expect(await verbs('ADMIN')).toContain('billing_status_changed');
    expect(await verbs('MEMBER')).not.toContain('billing_status_changed');
    expect(await verbs('VIEWER')).not.toContain('billing_status_changed');
  });

  it('handles an incomplete checkout: an unpaid first invoice leaves it incomplete, then expired; an abandoned session changes nothing', async () => {
    const { app, f, fake } = await fixture();
    const { subscription, session } = await subscriptionFor(fake, f.workspaceId, { status: 'incomplete' });
    const t = Math.floor(Date.now() / 1000) - 100;
    await send(stripeEvent('customer.subscription.created', subscription, t));
    expect((await account(app, f.workspaceId))?.status).toBe('INCOMPLETE');
    await send(stripeEvent('customer.subscription.updated', { ...subscription, status: 'incomplete_expired' }, t + 10));
    expect((await account(app, f.workspaceId))?.status).toBe('CANCELED');
    await send(stripeEvent('checkout.session.expired', { ...session, status: 'expired' }, t + 20));
    expect((await account(app, f.workspaceId))?.status).toBe('CANCELED');
    expect(await audit(app, f.workspaceId)).toEqual([
      ['billing.status_changed', 'INCOMPLETE'],
      ['billing.status_changed', 'CANCELED'],
      ['billing.checkout_expired', null],
    ]);
  });

  it('links the customer on checkout.session.completed, and events of other workspaces’ customers touch only theirs', async () => {
    const { app, f, fake } = await fixture();
    const { session } = await subscriptionFor(fake, f.workspaceId);
    await send(stripeEvent('checkout.session.completed', session));
    expect(await account(app, f.workspaceId)).toMatchObject({ stripeCustomerId: session.customer, status: 'NONE' });
    const other = await app.prisma.workspace.findFirstOrThrow({ where: { name: 'Elsewhere' } });
    const { subscription } = await subscriptionFor(fake, other.id);
    await send(stripeEvent('customer.subscription.created', { ...subscription, status: 'active' }));
    expect((await account(app, other.id))?.status).toBe('ACTIVE');
    expect((await account(app, f.workspaceId))?.status).toBe('NONE');
  });

  it('keeps invoices, mails a receipt for a paid one and a notice for a failed one to the owners, once each', async () => {
    const { app, f, fake } = await fixture();
    const { subscription } = await subscriptionFor(fake, f.workspaceId);
    await send(stripeEvent('customer.subscription.created', { ...subscription, status: 'active' }));
    const paid = fake.invoice(subscription.customer, { amount_paid: 4900 });
    const paidEvent = stripeEvent('invoice.paid', paid);
    await send(paidEvent);
    await send(paidEvent);
    const failed = fake.invoice(subscription.customer, { status: 'open', amount_paid: 0, amount_due: 5300 });
    await send(stripeEvent('invoice.payment_failed', failed));
    const worker = new JobWorker(app.prisma, jobHandlers(app.services), { logger: app.services.logger });
    while (await worker.runNext());
    const invoices = await app.prisma.billingInvoice.findMany({ where: { workspaceId: f.workspaceId }, orderBy: { amountDue: 'asc' } });
    expect(invoices.map((i) => [i.id, i.status, i.amountDue, i.workspaceName])).toEqual([
      [paid.id, 'paid', 4900, 'Acme'],
      [failed.id, 'open', 5300, 'Acme'],
    ]);
    const mail = await app.prisma.outboxEmail.findMany({ where: { workspaceId: f.workspaceId }, orderBy: { createdAt: 'asc' } });
    expect(mail.map((m) => [m.to, m.subject])).toEqual([
      [f.users.OWNER.email, 'Receipt for Acme on Kith: €49.00'],
      [f.users.OWNER.email, 'Payment failed for Acme on Kith'],
    ]);
    expect(mail[0]!.text).toContain(paid.hosted_invoice_url);
  });

  it('adds an invoice that arrives after the purge to the kept history, and mails nobody; an unknown customer stores nothing', async () => {
    const { app, f, fake } = await fixture();
    const { subscription } = await subscriptionFor(fake, f.workspaceId);
    await send(stripeEvent('customer.subscription.created', { ...subscription, status: 'active' }));
    const first = fake.invoice(subscription.customer, { amount_paid: 4900 });
    await send(stripeEvent('invoice.paid', first));
    await app.prisma.workspace.update({ where: { id: f.workspaceId }, data: { closedAt: new Date(), purgeAfter: new Date() } });
    expect((await purgeWorkspace(app.services, f.workspaceId)).workspace).toBe(true);
    const jobsBefore = await app.prisma.job.count();

    const late = fake.invoice(subscription.customer, { amount_paid: 1200, amount_due: 1200 });
    expect((await send(stripeEvent('invoice.paid', late))).status).toBe(200);
    const stranger = fake.invoice('cus_never_seen', { amount_paid: 100 });
    expect((await send(stripeEvent('invoice.paid', stranger))).status).toBe(200);

    const kept = await app.prisma.billingInvoice.findMany({ where: { workspaceId: f.workspaceId }, orderBy: { amountPaid: 'asc' } });
    expect(kept.map((i) => [i.id, i.amountPaid, i.workspaceName, i.stripeCustomerId])).toEqual([
      [late.id, 1200, 'Acme', subscription.customer],
      [first.id, 4900, 'Acme', subscription.customer],
    ]);
    expect(await app.prisma.billingInvoice.count({ where: { id: stranger.id } })).toBe(0);
    expect(await app.prisma.workspace.count({ where: { id: f.workspaceId } })).toBe(0);
    expect(await app.prisma.billingAccount.count({ where: { workspaceId: f.workspaceId } })).toBe(0);
    expect(await app.prisma.job.count()).toBe(jobsBefore);
  });
});
