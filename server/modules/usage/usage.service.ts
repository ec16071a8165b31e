import type { PrismaClient } from '../../generated/prisma/client.js';
import { badInput } from '../../errors.js';
import { expiredBefore } from '../../retention.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_RANGE_DAYS = 366;
const MAX_PATH = 200;
/** Segments that name a record (UUIDs, Relay global IDs, long hex or tokens) are replaced by ":id". */
const ID_SEGMENT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?=[A-Za-z0-9_=-]*\d)[A-Za-z0-9_=-]{16,})$/i;

/**
 * A page path as the app's router names it: "/contacts/:id", never a query string, a fragment or a
 * record ID, so page views carry no workspace data.
 */
export function normalisePagePath(path: string): string {
  const trimmed = path.trim();
  if (!trimmed.startsWith('/') || trimmed.startsWith('//') || trimmed.length > MAX_PATH || !/^[A-Za-z0-9/_.~:=-]*$/.test(trimmed)) {
    throw badInput(`A page path starts with "/", has at most ${MAX_PATH} characters and no query string or fragment.`, 'path');
  }
  const segments = trimmed.split('/').map((segment) => (ID_SEGMENT.test(segment) ? ':id' : segment));
  return segments.join('/').replace(/(.)\/$/, '$1');
}

export interface UsageRange {
  from: Date;
  to: Date;
}

/** Defaults to the last 30 days; refuses empty or reversed ranges and ranges over a year. */
export function usageRange(from: Date | null | undefined, to: Date | null | undefined, now = new Date()): UsageRange {
  const end = to ?? now;
  const start = from ?? new Date(end.getTime() - 30 * DAY_MS);
  if (start >= end) throw badInput('"from" must be before "to".', 'from');
  if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * DAY_MS) throw badInput(`A usage range spans at most ${MAX_RANGE_DAYS} days.`, 'from');
  return { from: start, to: end };
}

export interface UsageDay {
  day: Date;
  apiCalls: number;
  errors: number;
  pageViews: number;
  activeUsers: number;
}
export interface OperationUsage {
  name: string;
  calls: number;
  errors: number;
  averageMs: number;
  p95Ms: number;
}
export interface NamedCount {
  name: string;
  count: number;
}
export interface WorkspaceUsageSummary extends UsageRange {
  workspaceId: string;
  apiCalls: number;
  errors: number;
  pageViews: number;
  activeUsers: number;
  days: UsageDay[];
  operations: OperationUsage[];
  topFeatures: NamedCount[];
  topPages: NamedCount[];
}

/** A workspace's usage in a range: totals, per day (UTC), per operation, top features and pages. Five statements. */
export async function workspaceUsageSummary(prisma: PrismaClient, workspaceId: string, range: UsageRange): Promise<WorkspaceUsageSummary> {
  const { from, to } = range;
  const within = (kind: string) => prisma.$queryRaw<Array<{ name: string; count: number }>>`
    SELECT name, count(*)::int AS count FROM "UsageEvent"
    WHERE "workspaceId" = ${workspaceId}::uuid AND "createdAt" >= ${from} AND "createdAt" < ${to} AND kind = ${kind}::"UsageKind"
    GROUP BY name ORDER BY count DESC, name LIMIT 20`;
  const days = await prisma.$queryRaw<UsageDay[]>`
    SELECT date_trunc('day', "createdAt") AS day,
           count(*) FILTER (WHERE kind = 'API_CALL')::int AS "apiCalls",
           count(*) FILTER (WHERE kind = 'API_CALL' AND status <> 'ok')::int AS errors,
           count(*) FILTER (WHERE kind = 'PAGE_VIEW')::int AS "pageViews",
           count(DISTINCT "userId")::int AS "activeUsers"
    FROM "UsageEvent"
    WHERE "workspaceId" = ${workspaceId}::uuid AND "createdAt" >= ${from} AND "createdAt" < ${to}
    GROUP BY 1 ORDER BY 1`;
  const [totals] = await prisma.$queryRaw<Array<{ activeUsers: number }>>`
    SELECT count(DISTINCT "userId")::int AS "activeUsers" FROM "UsageEvent"
    WHERE "workspaceId" = ${workspaceId}::uuid AND "createdAt" >= ${from} AND "createdAt" < ${to}`;
  const operations = await prisma.$queryRaw<OperationUsage[]>`
    SELECT name, count(*)::int AS calls, count(*) FILTER (WHERE status <> 'ok')::int AS errors,
           round(avg("durationMs"))::int AS "averageMs",
           round(percentile_cont(0.95) WITHIN GROUP (ORDER BY "durationMs"))::int AS "p95Ms"
    FROM "UsageEvent"
    WHERE "workspaceId" = ${workspaceId}::uuid AND "createdAt" >= ${from} AND "createdAt" < ${to} AND kind = 'API_CALL'
    GROUP BY name ORDER BY calls DESC, name LIMIT 50`;
  const topFeatures = await within('FEATURE');
  const topPages = await within('PAGE_VIEW');
  const sum = (key: 'apiCalls' | 'errors' | 'pageViews') => days.reduce((total, day) => total + day[key], 0);
  return {
    workspaceId,
    from,
    to,
    apiCalls: sum('apiCalls'),
    errors: sum('errors'),
    pageViews: sum('pageViews'),
    activeUsers: totals?.activeUsers ?? 0,
    days,
    operations: operations.map((o) => ({ ...o, averageMs: o.averageMs ?? 0, p95Ms: o.p95Ms ?? 0 })),
    topFeatures,
    topPages,
  };
}

/** Deletes usage events older than the retention; returns how many went. */
export async function expireUsageEvents(prisma: PrismaClient, retentionDays: number, now = new Date()): Promise<number> {
  const { count } = await prisma.usageEvent.deleteMany({ where: { createdAt: { lt: expiredBefore(retentionDays, now) } } });
  return count;
}
