// AI tokens become Stripe meter events in batches, from the job queue, with retries; a crash never makes
// Stripe count anything twice.
import { describe, expect, it } from 'vitest';
import { jobHandlers } from '../../jobs/registry.js';
import { JobWorker } from '../../jobs/worker.js';
import type { TestApp } from '../../test/test-app.js';
import { errorCodes } from '../../test/test-app.js';
import { assertAiTokensAvailable, recordBillableUsage, reportUsage } from './metering.js';
import { scheduleUsageAlerts } from './usage-alerts.js';
import { TEST_PLANS, useBillingApp } from './billing.test-helpers.js';

const { getApp, stripe } = useBillingApp();
const METER = TEST_PLANS.aiMeterEventName;

async function subscribedWorkspace(app: TestApp, status = 'ACTIVE' as const) {
  const workspace = await app.prisma.workspace.create({ data: { name: 'Metered' } });
  const customer = await stripe().client().customers.create({});
  await app.prisma.billingAccount.create({
    data: { workspaceId: workspace.id, stripeCustomerId: customer.id, stripeSubscriptionId: 'sub_m', status, planId: 'team' },
  });
  return { workspaceId: workspace.id, customer: customer.id };
}

async function runDueJobs(app: TestApp) {
  await app.prisma.job.updateMany({ where: { kind: 'billing.reportUsage', status: 'PENDING' }, data: { runAt: new Date(Date.now() - 1000) } });
  const worker = new JobWorker(app.prisma, jobHandlers(app.services), { logger: { ...app.services.logger, warn: () => undefined }, backoffMs: 1 });
  while (await worker.runNext());
}

/** Runs every due job of any kind, the hourly billing job included. */
async function runAllDueJobs(app: TestApp) {
  const worker = new JobWorker(app.prisma, jobHandlers(app.services), { logger: { ...app.services.logger, warn: () => undefined }, backoffMs: 1 });
  while (await worker.runNext());
}

const crash = () => {
  throw new Error('the process died here');
};

describe('metered AI usage', () => {
  it('records each idempotency key once and reports a window’s usage as one meter event', async () => {
    const app = getApp();
    const { workspaceId, customer } = await subscribedWorkspace(app);
    expect(await recordBillableUsage(app.services, workspaceId, 'ai_tokens', 120, 'call-1')).toBe(true);
    expect(await recordBillableUsage(app.services, workspaceId, 'ai_tokens', 80, 'call-2')).toBe(true);
    expect(await recordBillableUsage(app.services, workspaceId, 'ai_tokens', 120, 'call-1')).toBe(false);
    expect(await app.prisma.job.count({ where: { kind: 'billing.reportUsage' } })).toBe(1);
    await runDueJobs(app);
    expect(stripe().meterEvents.filter((e) => e.payload.stripe_customer_id === customer)).toHaveLength(1);
    expect(stripe().meterTotal(METER, customer)).toBe(200);
    const [report] = await app.prisma.meterReport.findMany({ where: { workspaceId } });
    expect(report).toMatchObject({ quantity: 200, stripeCustomerId: customer });
    expect(report!.sentAt).not.toBeNull();
    expect(
      stripe()
        .requestsTo('POST', /^\/v1\/billing\/meter_events$/)
        .at(-1)!.idempotencyKey,
    ).toBe(`kith-meter-${report!.id}`);
  });

  it('counts nothing twice after a crash between sending and recording the send', async () => {
    const app = getApp();
    const { workspaceId, customer } = await subscribedWorkspace(app);
    await recordBillableUsage(app.services, workspaceId, 'ai_tokens', 500, 'a');
    await expect(reportUsage(app.services, workspaceId, 'ai_tokens', { afterSend: crash })).rejects.toThrow('the process died here');
    await recordBillableUsage(app.services, workspaceId, 'ai_tokens', 30, 'b');
    await runDueJobs(app);
    // The first batch went to Stripe twice with the same idempotency key and identifier, so Stripe answered
    // the second from its stored answer; the usage after the crash went as its own event.
    const sends = stripe()
      .requestsTo('POST', /^\/v1\/billing\/meter_events$/)
      .filter((r) => r.body.payload.stripe_customer_id === customer);
    expect(sends.map((r) => r.body.payload.value)).toEqual(['500', '500', '30']);
    expect(sends[0]!.idempotencyKey).toBe(sends[1]!.idempotencyKey);
    expect(sends[0]!.body.identifier).toBe(sends[1]!.body.identifier);
    expect(stripe().meterTotal(METER, customer)).toBe(530);
    expect(await app.prisma.meterReport.count({ where: { workspaceId, sentAt: null } })).toBe(0);
    expect(await app.prisma.billableUsage.count({ where: { workspaceId, reportId: null } })).toBe(0);
  });

  it('sends a batch formed before a crash, and retries when Stripe fails', async () => {
    const app = getApp();
    const { workspaceId, customer } = await subscribedWorkspace(app);
    await recordBillableUsage(app.services, workspaceId, 'ai_tokens', 40, 'x');
    await expect(reportUsage(app.services, workspaceId, 'ai_tokens', { beforeSend: crash })).rejects.toThrow();
    expect(stripe().meterTotal(METER, customer)).toBe(0);
    // The client's own two retries and one job attempt fail; the queue's retry gets through.
    stripe().failNext(/^\/v1\/billing\/meter_events$/, { status: 503, times: 3 });
    await recordBillableUsage(app.services, workspaceId, 'ai_tokens', 2, 'y');
    await runDueJobs(app);
    await runDueJobs(app);
    expect(stripe().meterTotal(METER, customer)).toBe(42);
    expect((await app.prisma.job.findFirstOrThrow({ where: { kind: 'billing.reportUsage' } })).attempts).toBe(2);
  });

  it('resends a batch left unsent, with no new usage, from the hourly job under the same identifier, counted once', async () => {
    const app = getApp();
    const { workspaceId, customer } = await subscribedWorkspace(app);
    await recordBillableUsage(app.services, workspaceId, 'ai_tokens', 75, 'stuck');
    // Stripe is down for the whole attempt, and the job is gone (the process died, or its retries ran out).
    stripe().failNext(/^\/v1\/billing\/meter_events$/, { status: 503, times: 3 });
    await expect(reportUsage(app.services, workspaceId, 'ai_tokens')).rejects.toThrow();
    await app.prisma.job.deleteMany({ where: { kind: 'billing.reportUsage' } });
    const report = await app.prisma.meterReport.findFirstOrThrow({ where: { workspaceId } });
    expect(report.sentAt).toBeNull();
    // A batch this fresh is still its own job's business: the sweep leaves it.
    await scheduleUsageAlerts(app.prisma, Date.now() - 60 * 60 * 1000);
    await runAllDueJobs(app);
    expect(await app.prisma.job.count({ where: { kind: 'billing.reportUsage' } })).toBe(0);

    await app.prisma.meterReport.update({ where: { id: report.id }, data: { createdAt: new Date(Date.now() - 20 * 60 * 1000) } });
    stripe().failNext(/^\/v1\/billing\/meter_events$/, { status: 503, times: 1 });
    const before = stripe().requestsTo('POST', /^\/v1\/billing\/meter_events$/).length;
    await app.prisma.job.updateMany({ where: { kind: 'billing.usageAlerts', status: 'PENDING' }, data: { runAt: new Date(Date.now() - 1000) } });
    await runAllDueJobs(app);

    const sends = stripe()
      .requestsTo('POST', /^\/v1\/billing\/meter_events$/)
      .slice(before);
    expect(sends.map((r) => [r.body.identifier, r.idempotencyKey])).toEqual([
      [report.id, `kith-meter-${report.id}`],
      [report.id, `kith-meter-${report.id}`],
    ]);
    expect(stripe().meterEvents.filter((e) => e.payload.stripe_customer_id === customer)).toHaveLength(1);
    expect(stripe().meterTotal(METER, customer)).toBe(75);
    expect((await app.prisma.meterReport.findUniqueOrThrow({ where: { id: report.id } })).sentAt).not.toBeNull();
  });

  it('lets the AI module check the plan’s monthly tokens before a call', async () => {
    const app = getApp();
    const free = await app.prisma.workspace.create({ data: { name: 'Free' } });
    await recordBillableUsage(app.services, free.id, 'ai_tokens', 900, 'm1');
    await expect(assertAiTokensAvailable(app.services, free.id, 100)).resolves.toBeUndefined();
    const refused = await assertAiTokensAvailable(app.services, free.id, 101).catch((error: unknown) => error);
    expect(errorCodes({ errors: [refused as never] })).toEqual(['PLAN_LIMIT']);
    expect((refused as { extensions: unknown }).extensions).toMatchObject({ limit: 'aiTokensPerMonth', allowed: 1000, used: 900 });
  });

  it('bills nothing for a workspace without a metered subscription, and records nothing with billing off', async () => {
    const app = getApp();
    const free = await app.prisma.workspace.create({ data: { name: 'Free' } });
    await recordBillableUsage(app.services, free.id, 'ai_tokens', 10, 'f');
    const before = stripe().meterEvents.length;
    await runDueJobs(app);
    expect(stripe().meterEvents.length).toBe(before);
    expect(await app.prisma.meterReport.findFirst({ where: { workspaceId: free.id } })).toMatchObject({ quantity: 10, stripeCustomerId: 'unbilled' });
    app.services.billing = null;
    expect(await recordBillableUsage(app.services, free.id, 'ai_tokens', 10, 'g')).toBe(false);
    expect(await app.prisma.billableUsage.count({ where: { idempotencyKey: 'g' } })).toBe(0);
  });
});
