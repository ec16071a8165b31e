// Deal lists hanging off other types: Company.deals, and PipelineStage.deals with per-currency totals
// for the board. They live here so the companies and pipelines modules know nothing of deals.
import DataLoader from 'dataloader';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import '../companies/company.types.js';
import '../pipelines/pipeline.types.js';
import { DealFilter, DealSort, type DealFilterShape } from './deal.inputs.js';
import { dealFilterWhere, dealOrderBy } from './deal-where.js';
import { visibleDeals } from './deal.queries.js';
import { formatMinor } from './money.js';
import './deal.types.js';

interface StageTotalShape {
  currency: string;
  amountMinor: bigint;
  dealCount: number;
}

const StageTotal = builder.objectRef<StageTotalShape>('StageTotal').implement({
  description: 'The live deals you can see in a stage, in one currency.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    currency: t.exposeString('currency'),
    amountMinor: t.string({
      description: 'Sum of the amounts in minor units (deals without one add nothing).',
      resolve: (total) => total.amountMinor.toString(),
    }),
    amount: t.string({ description: 'The sum in major units, e.g. "1234.56".', resolve: (total) => formatMinor(total.amountMinor, total.currency) }),
    dealCount: t.exposeInt('dealCount'),
  }),
});

/** One grouped query for every stage on the board (per request, workspace and filter). */
function stageTotals(ctx: Context, workspaceId: string, filter: DealFilterShape | null | undefined) {
  return ctx.memo(
    `stageTotals:${workspaceId}:${JSON.stringify(filter ?? null)}`,
    () =>
      new DataLoader<string, StageTotalShape[]>(async (stageIds) => {
        const rows = await ctx.prisma.deal.groupBy({
          by: ['stageId', 'currency'],
          where: await visibleDeals(ctx, workspaceId, { AND: [dealFilterWhere(filter, false), { stageId: { in: [...stageIds] } }] }),
          _sum: { amountMinor: true },
          _count: { _all: true },
        });
        const byStage = new Map<string, StageTotalShape[]>();
        for (const row of rows) {
          const list = byStage.get(row.stageId) ?? [];
          list.push({ currency: row.currency, amountMinor: row._sum.amountMinor ?? 0n, dealCount: row._count._all });
          byStage.set(row.stageId, list);
        }
        return stageIds.map((id) => (byStage.get(id) ?? []).sort((a, b) => a.currency.localeCompare(b.currency)));
      }),
  );
}

const readDeals = (row: { workspaceId: string }) => ({ can: { workspaceId: row.workspaceId, permission: 'records:read' as const } });

builder.prismaObjectFields('PipelineStage', (t) => ({
  deals: t.prismaConnection({
    type: 'Deal',
    cursor: 'id',
    description: 'The live deals in this stage that you can see, by name unless said otherwise.',
    args: { filter: t.arg({ type: DealFilter, required: false }), sort: t.arg({ type: DealSort, required: false }) },
    authScopes: readDeals,
    totalCount: async (stage, args, ctx) =>
      ctx.prisma.deal.count({ where: await visibleDeals(ctx, stage.workspaceId, { AND: [dealFilterWhere(args.filter, false), { stageId: stage.id }] }) }),
    resolve: async (query, stage, args, ctx) =>
      ctx.prisma.deal.findMany({
        ...query,
        where: await visibleDeals(ctx, stage.workspaceId, { AND: [dealFilterWhere(args.filter, false), { stageId: stage.id }] }),
        orderBy: dealOrderBy(args.sort),
      }),
  }),
  totalAmounts: t.field({
    type: [StageTotal],
    description: 'Per-currency sums of the live deals in this stage that you can see (and that match the filter), by currency code.',
    args: { filter: t.arg({ type: DealFilter, required: false }) },
    authScopes: readDeals,
    resolve: (stage, args, ctx) => stageTotals(ctx, stage.workspaceId, args.filter).load(stage.id),
  }),
}));

builder.prismaObjectField('Company', 'deals', (t) =>
  t.prismaConnection({
    type: 'Deal',
    cursor: 'id',
    description: 'The live deals with this company that you can see, by name unless said otherwise.',
    args: { filter: t.arg({ type: DealFilter, required: false }), sort: t.arg({ type: DealSort, required: false }) },
    authScopes: readDeals,
    totalCount: async (company, args, ctx) =>
      ctx.prisma.deal.count({ where: await visibleDeals(ctx, company.workspaceId, { AND: [dealFilterWhere(args.filter, false), { companyId: company.id }] }) }),
    resolve: async (query, company, args, ctx) =>
      ctx.prisma.deal.findMany({
        ...query,
        where: await visibleDeals(ctx, company.workspaceId, { AND: [dealFilterWhere(args.filter, false), { companyId: company.id }] }),
        orderBy: dealOrderBy(args.sort),
      }),
  }),
);
