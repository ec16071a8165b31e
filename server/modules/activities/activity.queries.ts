import { builder } from '../../builder.js';
import { idFromGlobalId } from '../node/uuid.js';
import { dateRangeWhere } from '../records/common.types.js';
import { linkFilterWhere } from '../records/record-links.js';
import { requireWorkspaceId } from '../workspaces/workspaces.service.js';
import { ActivityFilter, ActivitySort, type ActivityFilterShape } from './activity.inputs.js';
import { recordAccess } from '../../auth/record-access.js';
import { permissionInWorkspace } from '../../auth/record-scopes.js';
import { linkedRecordsVisibleWhere } from '../../auth/record-where.js';

const insensitive = (text: string) => ({ contains: text, mode: 'insensitive' as const });

function filterWhere(filter: ActivityFilterShape | null | undefined, trash: boolean) {
  const text = filter?.text?.trim();
  return {
    deletedAt: trash ? { not: null } : null,
    ...linkFilterWhere(filter),
    ...(filter?.type ? { type: filter.type } : {}),
    ...(filter?.done != null ? { done: filter.done } : {}),
    ...(filter?.assigneeId ? { assigneeId: idFromGlobalId(filter.assigneeId, 'User', 'Assignee') } : {}),
    ...(filter?.dueAt ? { dueAt: dateRangeWhere(filter.dueAt) } : {}),
    ...(text ? { OR: [{ subject: insensitive(text) }, { body: insensitive(text) }] } : {}),
  };
}

const SORT_COLUMNS = { DUE_AT: 'dueAt', CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt' } as const;

builder.queryFields((t) => ({
  activities: t.prismaConnection({
    type: 'Activity',
    cursor: 'id',
    description: 'Activities you can see, soonest due first unless sorted; `trash: true` lists deleted ones instead.',
    args: {
      workspaceId: t.arg.id({ required: false }),
      filter: t.arg({ type: ActivityFilter, required: false }),
      sort: t.arg({ type: ActivitySort, required: false }),
      trash: t.arg.boolean({ required: false }),
    },
    authScopes: (_root, args, ctx) => permissionInWorkspace(ctx, 'records:read', args.workspaceId),
    totalCount: async (_root, args, ctx) => {
      const access = await recordAccess(ctx, requireWorkspaceId(ctx, args.workspaceId));
      return ctx.prisma.activity.count({ where: { AND: [linkedRecordsVisibleWhere(access), filterWhere(args.filter, !!args.trash)] } });
    },
    resolve: async (query, _root, args, ctx) => {
      const access = await recordAccess(ctx, requireWorkspaceId(ctx, args.workspaceId));
      const direction = args.sort?.direction === 'DESC' ? 'desc' : 'asc';
      const column = SORT_COLUMNS[args.sort?.field ?? 'DUE_AT'];
      return ctx.prisma.activity.findMany({
        ...query,
        where: { AND: [linkedRecordsVisibleWhere(access), filterWhere(args.filter, !!args.trash)] },
        orderBy: [column === 'dueAt' ? { dueAt: { sort: direction, nulls: 'last' } } : { [column]: direction }, { id: direction }],
      });
    },
  }),
  activity: t.prismaField({
    type: 'Activity',
    description: 'An activity you can see: NOT_FOUND when it is in the trash or linked to a record hidden from you.',
    args: { id: t.arg.id() },
    authScopes: (_root, args) => ({ record: { model: 'activity', id: args.id, permission: 'records:read' } }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.activity.findUniqueOrThrow({ ...query, where: { id: idFromGlobalId(args.id, 'Activity'), deletedAt: null } }),
  }),
}));
