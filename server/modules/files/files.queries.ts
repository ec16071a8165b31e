import { builder } from '../../builder.js';
import { LINK_COLUMN, permissionOnAttachTarget, visibleTarget } from './access.js';
import './attachment.types.js';

builder.queryFields((t) => ({
  attachments: t.prismaConnection({
    type: 'File',
    cursor: 'id',
    description: 'Files on a contact, company, deal, note, activity or communication you can see, newest first.',
    args: { recordId: t.arg.id() },
    authScopes: (_root, args, ctx) => permissionOnAttachTarget(ctx, args.recordId, 'records:read'),
    totalCount: async (_root, args, ctx) => {
      const target = await visibleTarget(ctx, args.recordId);
      return ctx.prisma.file.count({ where: { [LINK_COLUMN[target.model]]: target.id, deletedAt: null } });
    },
    resolve: async (query, _root, args, ctx) => {
      const target = await visibleTarget(ctx, args.recordId);
      return ctx.prisma.file.findMany({
        ...query,
        where: { [LINK_COLUMN[target.model]]: target.id, deletedAt: null },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
    },
  }),
}));
