// Metered AI usage: recorded once per idempotency key, reported to Stripe as meter events in batches from
// the job queue. A batch (MeterReport) is formed in one transaction before it is sent, and its ID is the meter
// event's identifier and idempotency key: after a crash, the batch is sent again as the same event, which
// Stripe counts once, and no usage row is ever in two batches.
import type { AppServices } from '../../app-services.js';
import { badInput } from '../../errors.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { JobHandler } from '../../jobs/worker.js';
import type { Billing } from './billing.service.js';
import { AI_TOKENS, assertRoom } from './limits.js';

export const METER_REPORT = 'billing.reportUsage';
/** Usage recorded within the same window goes out in one meter event. */
const BATCH_WINDOW_MS = 60 * 1000;
/** Customer placeholder for a batch settled without billing (no subscription with a metered price). */
const UNBILLED = 'unbilled';
const LIVE = new Set(['TRIALING', 'ACTIVE', 'PAST_DUE', 'UNPAID']);

export type BillableKind = typeof AI_TOKENS;
type Services = Pick<AppServices, 'billing' | 'db'>;

/**
 * Records usage to bill (AI tokens), once per idempotency key (a retried AI call passes the same key), and
 * books its report. Returns whether it was new. Does nothing with billing off.
 */
export async function recordBillableUsage(app: Services, workspaceId: string, kind: BillableKind, quantity: number, idempotencyKey: string): Promise<boolean> {
  if (!app.billing) return false;
  if (!Number.isSafeInteger(quantity) || quantity <= 0) throw badInput('Billable usage is a positive whole number.', 'quantity');
  if (!idempotencyKey || idempotencyKey.length > 200) throw badInput('Billable usage needs an idempotency key of at most 200 characters.', 'idempotencyKey');
  const prisma = app.db.prisma;
  const slot = Math.floor(Date.now() / BATCH_WINDOW_MS) * BATCH_WINDOW_MS;
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.billableUsage.createMany({ data: [{ workspaceId, kind, quantity, idempotencyKey }], skipDuplicates: true });
    if (count === 0) return false;
    await enqueueJob(
      tx,
      METER_REPORT,
      { workspaceId, kind },
      { runAt: new Date(slot + BATCH_WINDOW_MS), uniqueKey: `${METER_REPORT}:${workspaceId}:${kind}:${slot}`, maxAttempts: 20 },
    );
    return true;
  });
}

/**
 * For the AI module, before it calls a model: refuses with PLAN_LIMIT (aiTokensPerMonth) when the expected
 * tokens would pass the plan's monthly allowance. Nothing with billing off.
 */
export function assertAiTokensAvailable(app: Services, workspaceId: string, expectedTokens: number): Promise<void> {
  return assertRoom(app.billing, app.db.prisma, workspaceId, 'aiTokensPerMonth', expectedTokens);
}

/** Gathers the workspace's unreported usage into one new batch; null when there is none. */
async function formBatch(app: Services & { billing: Billing }, workspaceId: string, kind: BillableKind) {
  const prisma = app.db.prisma;
  const account = await prisma.billingAccount.findUnique({ where: { workspaceId } });
  const plan = app.billing.config.plans.find((p) => p.id === account?.planId);
  const billed = account?.stripeCustomerId && LIVE.has(account.status) && plan?.prices.aiTokens;
  return prisma.$transaction(async (tx) => {
    const report = await tx.meterReport.create({
      data: { workspaceId, kind, quantity: 0, stripeCustomerId: billed ? account.stripeCustomerId! : UNBILLED, sentAt: billed ? null : new Date() },
    });
    const [row] = await tx.$queryRaw<Array<{ total: number | null }>>`
      WITH taken AS (
        UPDATE "BillableUsage" SET "reportId" = ${report.id}::uuid
        WHERE "workspaceId" = ${workspaceId}::uuid AND kind = ${kind} AND "reportId" IS NULL
        RETURNING quantity)
      SELECT sum(quantity)::int AS total FROM taken`;
    const total = row?.total ?? 0;
    if (total === 0) {
      await tx.meterReport.delete({ where: { id: report.id } });
      return null;
    }
    return tx.meterReport.update({ where: { id: report.id }, data: { quantity: total } });
  });
}

export interface ReportHooks {
  /** Tests: a crash at these points. */
  beforeSend?: () => void;
  afterSend?: () => void;
}

/** Sends every unsent batch of the workspace (older ones first, after a crash), then the new usage as one more. */
export async function reportUsage(app: Services, workspaceId: string, kind: BillableKind, hooks: ReportHooks = {}): Promise<void> {
  const billing = app.billing;
  if (!billing) return;
  const prisma = app.db.prisma;
  const fresh = await formBatch({ ...app, billing }, workspaceId, kind);
  const unsent = await prisma.meterReport.findMany({ where: { workspaceId, kind, sentAt: null }, orderBy: { createdAt: 'asc' } });
  if (fresh && !unsent.some((r) => r.id === fresh.id) && !fresh.sentAt) unsent.push(fresh);
  for (const report of unsent) {
    hooks.beforeSend?.();
    await billing.stripe.billing.meterEvents.create(
      {
        event_name: billing.config.aiMeterEventName,
        identifier: report.id,
        timestamp: Math.floor(report.createdAt.getTime() / 1000),
        payload: { stripe_customer_id: report.stripeCustomerId, value: String(report.quantity) },
      },
      { idempotencyKey: `kith-meter-${report.id}` },
    );
    hooks.afterSend?.();
    await prisma.meterReport.update({ where: { id: report.id }, data: { sentAt: new Date() } });
  }
}

/** A batch still unsent this long after it was stored was left behind: its job died, or Stripe was down past its retries. */
const STUCK_AFTER_MS = 10 * 60 * 1000;

/**
 * Books a report job for each workspace with a batch left unsent (the hourly billing job calls it). The job
 * sends the stored batch again under its own ID, so Stripe counts it once however often it was tried.
 */
export async function bookStuckReports(prisma: PrismaClient, now = new Date()): Promise<number> {
  const stuck = await prisma.meterReport.findMany({
    where: { sentAt: null, createdAt: { lt: new Date(now.getTime() - STUCK_AFTER_MS) } },
    distinct: ['workspaceId', 'kind'],
    select: { workspaceId: true, kind: true },
  });
  const hour = Math.floor(now.getTime() / (60 * 60 * 1000));
  for (const { workspaceId, kind } of stuck) {
    await enqueueJob(prisma, METER_REPORT, { workspaceId, kind }, { uniqueKey: `${METER_REPORT}:${workspaceId}:${kind}:stuck:${hour}`, maxAttempts: 20 });
  }
  return stuck.length;
}

export function meteringHandlers(app: AppServices): Record<string, JobHandler> {
  return {
    [METER_REPORT]: ({ workspaceId, kind }: { workspaceId: string; kind: BillableKind }) => reportUsage(app, workspaceId, kind),
  };
}
