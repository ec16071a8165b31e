// Usage alerts: at 80% and 100% of each limit, once per period, to the workspace's owners by email (the
// billing page shows the same meters). An hourly job checks every open workspace, and books the resending
// of meter batches left unsent (metering.ts).
import type { AppServices } from '../../app-services.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { JobHandler } from '../../jobs/worker.js';
import { sendOrLog } from '../../mail/mailer.js';
import { LIMIT_KINDS } from './billing.config.js';
import { usageAlertEmail } from './billing-emails.js';
import { ownersOf } from './invoices.js';
import { LIMIT_LABELS, periodStart, usageOf } from './limits.js';
import { bookStuckReports } from './metering.js';
import { loadAccount, standingOf } from './standing.js';

export const USAGE_ALERTS = 'billing.usageAlerts';
const EVERY_MS = 60 * 60 * 1000;
const THRESHOLDS = [80, 100] as const;
const PAGE = 200;
const STRIPE_EVENTS_KEPT_MS = 30 * 24 * 60 * 60 * 1000;

const startOfUtcDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/** Sends the alerts a workspace has newly crossed; returns them as `limit:threshold`. */
export async function checkUsageAlerts(app: AppServices, workspaceId: string, now = new Date()): Promise<string[]> {
  const billing = app.billing;
  if (!billing) return [];
  const prisma = app.db.prisma;
  const account = await loadAccount(prisma, workspaceId);
  const plan = standingOf(billing.config, account, now).plan;
  if (!plan) return [];
  const start = periodStart(account, now);
  const sent: string[] = [];
  for (const limit of LIMIT_KINDS) {
    const allowed = plan.limits[limit];
    if (allowed == null || allowed === 0) continue;
    const used = await usageOf(prisma, workspaceId, limit, { periodStart: start, now });
    const reached = THRESHOLDS.filter((threshold) => used * 100 >= allowed * threshold);
    if (reached.length === 0) continue;
    const period = limit === 'apiCallsPerDay' ? startOfUtcDay(now) : start;
    const fresh: number[] = [];
    for (const threshold of reached) {
      const { count } = await prisma.usageAlert.createMany({ data: [{ workspaceId, limitKind: limit, threshold, periodStart: period }], skipDuplicates: true });
      if (count === 1) fresh.push(threshold);
    }
    if (fresh.length === 0) continue;
    // Crossing both at once sends one alert, for the higher.
    const highest = fresh[fresh.length - 1]!;
    const workspace = await prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { name: true } });
    const page = `${app.config.publicUrl}/settings/billing`;
    for (const owner of await ownersOf(app, workspaceId)) {
      await sendOrLog(app.mailer, app.logger, {
        ...usageAlertEmail(owner, workspace.name, LIMIT_LABELS[limit], highest, used, allowed, page),
        workspaceId,
        userId: owner.id,
      });
    }
    sent.push(`${limit}:${highest}`);
  }
  return sent;
}

/** The next hourly check, whichever process books it first. */
export function scheduleUsageAlerts(prisma: PrismaClient, after = Date.now()) {
  const slot = (Math.floor(after / EVERY_MS) + 1) * EVERY_MS;
  return enqueueJob(prisma, USAGE_ALERTS, { slot }, { runAt: new Date(slot), uniqueKey: `${USAGE_ALERTS}:${slot}` });
}

export function usageAlertHandlers(app: AppServices): Record<string, JobHandler> {
  return {
    [USAGE_ALERTS]: async ({ slot }: { slot: number }) => {
      if (!app.billing) return;
      let after: string | undefined;
      for (;;) {
        const page: Array<{ id: string }> = await app.db.prisma.workspace.findMany({
          where: { closedAt: null },
          select: { id: true },
          orderBy: { id: 'asc' },
          take: PAGE,
          ...(after ? { cursor: { id: after }, skip: 1 } : {}),
        });
        for (const { id } of page) await checkUsageAlerts(app, id);
        if (page.length < PAGE) break;
        after = page[page.length - 1]!.id;
      }
      await bookStuckReports(app.db.prisma);
      // Stripe retries a delivery for up to three days: older event IDs need not be remembered.
      await app.db.prisma.stripeEvent.deleteMany({ where: { receivedAt: { lt: new Date(Date.now() - STRIPE_EVENTS_KEPT_MS) } } });
      await scheduleUsageAlerts(app.db.prisma, slot);
    },
  };
}
