import { builder } from '../../builder.js';
import { idFromGlobalId } from '../node/uuid.js';
import { dateRangeWhere } from '../records/common.types.js';
import { linkFilterWhere } from '../records/record-links.js';
import { requireWorkspaceId } from '../workspaces/workspaces.service.js';
import { NoteFilter, NoteSort, type NoteFilterShape } from './note.inputs.js';
import { recordAccess } from '../../auth/record-access.js';
import { permissionInWorkspace } from '../../auth/record-scopes.js';
import { linkedRecordsVisibleWhere } from '../../auth/record-where.js';

function filterWhere(filter: NoteFilterShape | null | undefined, trash: boolean) {
  const text = filter?.text?.trim();
  return {
    deletedAt: trash ? { not: null } : null,
    ...linkFilterWhere(filter),
    ...(filter?.createdById ? { createdById: idFromGlobalId(filter.createdById, 'User', 'Author') } : {}),
    ...(text ? { body: { contains: text, mode: 'insensitive' as const } } : {}),
    ...(filter?.createdAt ? { createdAt: dateRangeWhere(filter.createdAt) } : {}),
  };
}

const SORT_COLUMNS = { CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt' } as const;

builder.queryFields((t) => ({
  notes: t.prismaConnection({
    type: 'Note',
    cursor: 'id',
    description: 'Notes you can see, newest first unless sorted; `trash: true` lists deleted ones instead.',
    args: {
      workspaceId: t.arg.id({ required: false }),
      filter: t.arg({ type: NoteFilter, required: false }),
      sort: t.arg({ type: NoteSort, required: false }),
      trash: t.arg.boolean({ required: false }),
    },
    authScopes: (_root, args, ctx) => permissionInWorkspace(ctx, 'records:read', args.workspaceId),
    totalCount: async (_root, args, ctx) => {
      const access = await recordAccess(ctx, requireWorkspaceId(ctx, args.workspaceId));
      return ctx.prisma.note.count({ where: { AND: [linkedRecordsVisibleWhere(access), filterWhere(args.filter, !!args.trash)] } });
    },
    resolve: async (query, _root, args, ctx) => {
      const access = await recordAccess(ctx, requireWorkspaceId(ctx, args.workspaceId));
      const direction = args.sort ? (args.sort.direction === 'DESC' ? 'desc' : 'asc') : 'desc';
      const column = SORT_COLUMNS[args.sort?.field ?? 'CREATED_AT'];
      return ctx.prisma.note.findMany({
        ...query,
        where: { AND: [linkedRecordsVisibleWhere(access), filterWhere(args.filter, !!args.trash)] },
        orderBy: [{ [column]: direction }, { id: direction }],
      });
    },
  }),
  note: t.prismaField({
    type: 'Note',
    description: 'A note you can see: NOT_FOUND when it is in the trash or linked to a record hidden from you.',
    args: { id: t.arg.id() },
    authScopes: (_root, args) => ({ record: { model: 'note', id: args.id, permission: 'records:read' } }),
    resolve: (query, _root, args, ctx) => ctx.prisma.note.findUniqueOrThrow({ ...query, where: { id: idFromGlobalId(args.id, 'Note'), deletedAt: null } }),
  }),
}));
