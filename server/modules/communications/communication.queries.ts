import { builder } from '../../builder.js';
import { idFromGlobalId } from '../node/uuid.js';
import { dateRangeWhere } from '../records/common.types.js';
import { phoneForSearch } from '../records/normalize.js';
import { requireWorkspaceId } from '../workspaces/workspaces.service.js';
import { readableBodyWhere } from './body-privacy.js';
import { CommunicationFilter, CommunicationSort, type CommunicationFilterShape } from './communication.inputs.js';
import { recordAccess } from '../../auth/record-access.js';
import type { RecordAccess } from '../../auth/record-rules.js';
import { permissionInWorkspace } from '../../auth/record-scopes.js';
import { visibleWhere } from '../../auth/record-where.js';

const insensitive = (text: string) => ({ contains: text, mode: 'insensitive' as const });

/** Text matches the subject, the sender, an exact recipient, or a body the viewer may read: never a hidden one. */
function textWhere(text: string, access: RecordAccess) {
  const phone = phoneForSearch(text);
  return {
    OR: [
      { subject: insensitive(text) },
      { fromAddress: insensitive(text) },
      { toAddresses: { has: text.toLowerCase() } },
      ...(phone ? [{ fromAddress: phone }, { toAddresses: { has: phone } }] : []),
      { AND: [readableBodyWhere(access), { body: insensitive(text) }] },
    ],
  };
}

function filterWhere(filter: CommunicationFilterShape | null | undefined, trash: boolean, access: RecordAccess) {
  const text = filter?.text?.trim();
  return {
    deletedAt: trash ? { not: null } : null,
    ...(filter?.kind ? { kind: filter.kind } : {}),
    ...(filter?.direction ? { direction: filter.direction } : {}),
    ...(filter?.contactId ? { contacts: { some: { contactId: idFromGlobalId(filter.contactId, 'Contact') } } } : {}),
    ...(filter?.companyId ? { companyId: idFromGlobalId(filter.companyId, 'Company') } : {}),
    ...(filter?.dealId ? { dealId: idFromGlobalId(filter.dealId, 'Deal') } : {}),
    ...(filter?.ownerId ? { ownerId: idFromGlobalId(filter.ownerId, 'User', 'Owner') } : {}),
    ...(filter?.occurredAt ? { occurredAt: dateRangeWhere(filter.occurredAt) } : {}),
    ...(text ? textWhere(text, access) : {}),
  };
}

const SORT_COLUMNS = { OCCURRED_AT: 'occurredAt', CREATED_AT: 'createdAt' } as const;

builder.queryFields((t) => ({
  communications: t.prismaConnection({
    type: 'Communication',
    cursor: 'id',
    description: 'Communication records you can see, most recent first unless sorted; `trash: true` lists deleted ones instead.',
    args: {
      workspaceId: t.arg.id({ required: false }),
      filter: t.arg({ type: CommunicationFilter, required: false }),
      sort: t.arg({ type: CommunicationSort, required: false }),
      trash: t.arg.boolean({ required: false }),
    },
    authScopes: (_root, args, ctx) => permissionInWorkspace(ctx, 'records:read', args.workspaceId),
    totalCount: async (_root, args, ctx) => {
      const access = await recordAccess(ctx, requireWorkspaceId(ctx, args.workspaceId));
      return ctx.prisma.communication.count({ where: { AND: [visibleWhere(access), filterWhere(args.filter, !!args.trash, access)] } });
    },
    resolve: async (query, _root, args, ctx) => {
      const access = await recordAccess(ctx, requireWorkspaceId(ctx, args.workspaceId));
      const direction = args.sort ? (args.sort.direction === 'DESC' ? 'desc' : 'asc') : 'desc';
      const column = SORT_COLUMNS[args.sort?.field ?? 'OCCURRED_AT'];
      return ctx.prisma.communication.findMany({
        ...query,
        where: { AND: [visibleWhere(access), filterWhere(args.filter, !!args.trash, access)] },
        orderBy: [{ [column]: direction }, { id: direction }],
      });
    },
  }),
  communication: t.prismaField({
    type: 'Communication',
    description: 'A record you can see: NOT_FOUND when it is in the trash or private to others.',
    args: { id: t.arg.id() },
    authScopes: (_root, args) => ({ record: { model: 'communication', id: args.id, permission: 'records:read' } }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.communication.findUniqueOrThrow({ ...query, where: { id: idFromGlobalId(args.id, 'Communication'), deletedAt: null } }),
  }),
}));
