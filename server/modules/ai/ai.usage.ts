// Token metering: one AiUsage row per provider request (workspace, user, feature, tokens in and out), and the
// monthly sums the budget and, later, billing read.
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { AiFeature } from '../../generated/prisma/enums.js';

export interface MonthlyTokens {
  inputTokens: number;
  outputTokens: number;
  /** In + out: what the budget counts. */
  total: number;
  requests: number;
}

/** The calendar month (UTC) that holds `now`: [from, to). */
export function monthOf(now = new Date()): { from: Date; to: Date } {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { from, to };
}

/**
 * A workspace's AI token use in the calendar month (UTC) that holds `now`. The one function other modules
 * (billing) call to read it.
 */
export async function aiTokensInMonth(prisma: Pick<PrismaClient, 'aiUsage'>, workspaceId: string, now = new Date()): Promise<MonthlyTokens> {
  const { from, to } = monthOf(now);
  const sums = await prisma.aiUsage.aggregate({
    where: { workspaceId, createdAt: { gte: from, lt: to } },
    _sum: { inputTokens: true, outputTokens: true },
    _count: { _all: true },
  });
  const inputTokens = sums._sum.inputTokens ?? 0;
  const outputTokens = sums._sum.outputTokens ?? 0;
  return { inputTokens, outputTokens, total: inputTokens + outputTokens, requests: sums._count._all };
}

export interface UsageBreakdown {
  feature: AiFeature | null;
  userId: string | null;
  inputTokens: number;
  outputTokens: number;
  requests: number;
}

/** The month's use per feature and per user. */
export async function aiUsageBreakdown(prisma: PrismaClient, workspaceId: string, now = new Date()) {
  const { from, to } = monthOf(now);
  const where = { workspaceId, createdAt: { gte: from, lt: to } };
  const row = (r: { _sum: { inputTokens: number | null; outputTokens: number | null }; _count: { _all: number } }) => ({
    inputTokens: r._sum.inputTokens ?? 0,
    outputTokens: r._sum.outputTokens ?? 0,
    requests: r._count._all,
  });
  const sums = { _sum: { inputTokens: true, outputTokens: true }, _count: { _all: true } } as const;
  const [byFeature, byUser] = await Promise.all([
    prisma.aiUsage.groupBy({ by: ['feature'], where, ...sums, orderBy: { feature: 'asc' } }),
    prisma.aiUsage.groupBy({ by: ['userId'], where, ...sums, orderBy: { userId: 'asc' } }),
  ]);
  return {
    from,
    to,
    byFeature: byFeature.map((r) => ({ feature: r.feature, userId: null, ...row(r) })),
    byUser: byUser.map((r) => ({ feature: null, userId: r.userId, ...row(r) })),
  };
}

/**
 * AI usage follows the usage retention, but never before the end of the month after it: the budget and
 * billing read whole calendar months. Returns how many rows went.
 */
export async function expireAiUsage(prisma: Pick<PrismaClient, 'aiUsage'>, usageDays: number, now = new Date()): Promise<number> {
  const byRetention = new Date(now.getTime() - usageDays * 24 * 60 * 60 * 1000);
  const lastMonthStarted = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const before = byRetention < lastMonthStarted ? byRetention : lastMonthStarted;
  const { count } = await prisma.aiUsage.deleteMany({ where: { createdAt: { lt: before } } });
  return count;
}
