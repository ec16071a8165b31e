import { builder } from '../../builder.js';
import { decodeTarget, permissionOnCommentTarget, visibleTarget } from './comment-target.js';
import './comment.types.js';

builder.queryFields((t) => ({
  comments: t.prismaConnection({
    type: 'Comment',
    cursor: 'id',
    description: 'Comments on a note, an activity or a deal you can see, oldest first.',
    args: { targetId: t.arg.id({ description: 'A note, activity or deal.' }) },
    authScopes: (_root, args, ctx) => permissionOnCommentTarget(ctx, () => decodeTarget(args.targetId), 'records:read'),
    totalCount: async (_root, args, ctx) => {
      const target = decodeTarget(args.targetId);
      await visibleTarget(ctx, target);
      return ctx.prisma.comment.count({ where: { [target.column]: target.id, deletedAt: null } });
    },
    resolve: async (query, _root, args, ctx) => {
      const target = decodeTarget(args.targetId);
      await visibleTarget(ctx, target);
      return ctx.prisma.comment.findMany({
        ...query,
        where: { [target.column]: target.id, deletedAt: null },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
    },
  }),
}));
