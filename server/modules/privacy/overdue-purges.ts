// Deletion is a promise with a date: these checks tell the instance's owners when it is not kept, and book
// again any purge whose job was lost or abandoned (a FAILED job from before purges retried forever).
import type { ServerResponse } from 'node:http';
import type { AppServices } from '../../app-services.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { enqueueJob } from '../../jobs/queue.js';
import { USER_PURGE } from './account-privacy.service.js';
import { PURGE_MAX_ATTEMPTS } from './deletion-grace.js';
import { WORKSPACE_PURGE } from './workspace-deletion.service.js';

/** A purge this long past its date is overdue: the worker has had a day of retries. */
export const OVERDUE_AFTER_MS = 24 * 60 * 60 * 1000;

/** A purged account keeps its row with this address (see userPurgeHandlers). */
const WIPED_EMAIL_SUFFIX = '@deleted.invalid';

const dueWorkspaces = (before: Date) => ({ closedAt: { not: null }, purgeAfter: { lte: before } });
const dueAccounts = (before: Date) => ({ deletedAt: { not: null }, purgeAfter: { lte: before }, NOT: { email: { endsWith: WIPED_EMAIL_SUFFIX } } });

export interface OverduePurges {
  workspaces: number;
  accounts: number;
  /** The earliest purge date among them. */
  oldestPurgeAfter: Date | null;
}

export async function overduePurges(prisma: PrismaClient, now = new Date()): Promise<OverduePurges> {
  const before = new Date(now.getTime() - OVERDUE_AFTER_MS);
  const [workspaces, accounts] = await Promise.all([
    prisma.workspace.aggregate({ where: dueWorkspaces(before), _count: { _all: true }, _min: { purgeAfter: true } }),
    prisma.user.aggregate({ where: dueAccounts(before), _count: { _all: true }, _min: { purgeAfter: true } }),
  ]);
  const dates = [workspaces._min.purgeAfter, accounts._min.purgeAfter].filter((date): date is Date => !!date);
  return {
    workspaces: workspaces._count._all,
    accounts: accounts._count._all,
    oldestPurgeAfter: dates.length ? new Date(Math.min(...dates.map((date) => date.getTime()))) : null,
  };
}

/** GET /healthz/purges: 200 when every deletion is on time, 503 (for monitors to alert on) when some are overdue. */
export async function handlePurgeHealth(app: AppServices, res: ServerResponse) {
  const overdue = await overduePurges(app.db.prisma);
  const late = overdue.workspaces + overdue.accounts > 0;
  res.writeHead(late ? 503 : 200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ status: late ? 'overdue' : 'ok', overdue }));
}

/** IDs named by the queue's pending or running jobs of a kind. */
async function queuedIds(prisma: PrismaClient, kind: string, field: string): Promise<Set<string>> {
  const jobs = await prisma.job.findMany({ where: { kind, status: { in: ['PENDING', 'RUNNING'] } }, select: { payload: true } });
  return new Set(jobs.map((job) => (job.payload as Record<string, string>)[field]!));
}

/** Books a purge for every due workspace and account that has none queued; each is logged as an error. Returns how many. */
export async function requeueStalledPurges(app: AppServices, now = new Date()): Promise<number> {
  const prisma = app.db.prisma;
  const [workspaces, accounts, queuedWorkspaces, queuedAccounts] = await Promise.all([
    prisma.workspace.findMany({ where: dueWorkspaces(now), select: { id: true } }),
    prisma.user.findMany({ where: dueAccounts(now), select: { id: true } }),
    queuedIds(prisma, WORKSPACE_PURGE, 'workspaceId'),
    queuedIds(prisma, USER_PURGE, 'userId'),
  ]);
  const stalled = [
    ...workspaces.filter(({ id }) => !queuedWorkspaces.has(id)).map(({ id }) => ({ kind: WORKSPACE_PURGE, payload: { workspaceId: id } })),
    ...accounts.filter(({ id }) => !queuedAccounts.has(id)).map(({ id }) => ({ kind: USER_PURGE, payload: { userId: id } })),
  ];
  for (const { kind, payload } of stalled) {
    app.logger.error(`${kind} ${Object.values(payload)[0]} was due with no job queued (lost or abandoned); booked again`);
    await enqueueJob(prisma, kind, payload, { maxAttempts: PURGE_MAX_ATTEMPTS, uniqueKey: `${kind}:${Object.values(payload)[0]}:requeued:${now.getTime()}` });
  }
  return stalled.length;
}
