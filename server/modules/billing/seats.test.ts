// Seats follow membership: joining and leaving set the subscription's seat quantity, through the job queue.
import { describe, expect, it } from 'vitest';
import { jobHandlers } from '../../jobs/registry.js';
import { JobWorker } from '../../jobs/worker.js';
import { rolesFixture, tokenFromOutbox, verifiedUser } from '../../test/fixtures.js';
import type { TestApp } from '../../test/test-app.js';
import { closeAccount } from '../privacy/account-privacy.service.js';
import { useBillingApp } from './billing.test-helpers.js';

const { getApp, stripe } = useBillingApp();

async function runJobs(app: TestApp) {
  const worker = new JobWorker(app.prisma, jobHandlers(app.services), { logger: app.services.logger, backoffMs: 1 });
  while (await worker.runNext());
}

async function subscribed(app: TestApp, workspaceId: string) {
  const client = stripe().client();
  const customer = await client.customers.create({});
  const session = await client.checkout.sessions.create({
    mode: 'subscription',
    customer: customer.id,
    client_reference_id: workspaceId,
    success_url: 'http://localhost/',
    line_items: [
      { price: 'price_team_base', quantity: 1 },
      { price: 'price_team_seat', quantity: 4 },
    ],
  });
  const { subscription } = stripe().completeCheckout(session.id, { status: 'active' });
  await app.prisma.billingAccount.create({
    data: { workspaceId, stripeCustomerId: customer.id, stripeSubscriptionId: subscription.id, status: 'ACTIVE', planId: 'team', seatsPaid: 4 },
  });
  const seatItem = subscription.items.data.find((item: { price: { id: string } }) => item.price.id === 'price_team_seat');
  return () => seatItem.quantity as number;
}

describe('seats', () => {
  it('follow membership: a joining member adds a seat, a removed one takes it away, with Stripe’s proration', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const seats = await subscribed(app, f.workspaceId);
    const admin = f.clients.ADMIN;
    admin.workspaceId = f.workspaceGid;
    await admin.ok(`mutation { inviteMember(email: "grace@example.com", role: MEMBER) { id } }`);
    const grace = await verifiedUser(app, { email: 'grace@example.com', name: 'Grace Hopper' });
    await grace.client.ok(`mutation($t: String!) { acceptInvitation(token: $t) { role } }`, {
      t: await tokenFromOutbox(app, 'grace@example.com', '/invitations/accept'),
    });
    await runJobs(app);
    expect(seats()).toBe(5);
    const update = stripe()
      .requestsTo('POST', /^\/v1\/subscription_items\//)
      .at(-1)!;
    expect(update.body).toEqual({ quantity: '5', proration_behavior: 'create_prorations' });
    expect((await app.prisma.billingAccount.findUniqueOrThrow({ where: { workspaceId: f.workspaceId } })).seatsPaid).toBe(5);

    await admin.ok(`mutation($id: ID!) { removeMember(memberId: $id) }`, { id: f.users.MEMBER.membershipGid });
    await runJobs(app);
    expect(seats()).toBe(4);
    expect((await app.prisma.billingAccount.findUniqueOrThrow({ where: { workspaceId: f.workspaceId } })).seatsPaid).toBe(4);
  });

  it('retries a sync Stripe failed, and ends at the member count', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const seats = await subscribed(app, f.workspaceId);
    // The client retries twice by itself; the job queue takes over after that.
    stripe().failNext(/^\/v1\/subscription_items\//, { status: 500, times: 3 });
    const viewer = f.clients.VIEWER;
    viewer.workspaceId = f.workspaceGid;
    await viewer.ok(`mutation($w: ID!) { leaveWorkspace(workspaceId: $w) }`, { w: f.workspaceGid });
    const worker = new JobWorker(app.prisma, jobHandlers(app.services), { logger: { ...app.services.logger, warn: () => undefined }, backoffMs: 1 });
    await worker.runNext();
    expect(seats()).toBe(4);
    expect((await app.prisma.job.findFirstOrThrow({ where: { kind: 'billing.syncSeats' } })).status).toBe('PENDING');
    await app.prisma.job.updateMany({ where: { kind: 'billing.syncSeats' }, data: { runAt: new Date(Date.now() - 1000) } });
    while (await worker.runNext());
    expect(seats()).toBe(3);
  });

  it('drop the seat of a member who deletes their account', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const seats = await subscribed(app, f.workspaceId);
    await app.prisma.$transaction((tx) => closeAccount(tx, {}, f.users.VIEWER.id, new Date(), new Date(), app.services.billing));
    await runJobs(app);
    expect(seats()).toBe(3);
  });

  it('book no sync with billing off', async () => {
    const app = getApp();
    app.services.billing = null;
    const f = await rolesFixture(app);
    const viewer = f.clients.VIEWER;
    await viewer.ok(`mutation($w: ID!) { leaveWorkspace(workspaceId: $w) }`, { w: f.workspaceGid });
    expect(await app.prisma.job.count({ where: { kind: { startsWith: 'billing.' } } })).toBe(0);
  });
});
