import { builder } from '../../builder.js';
import { requireWorkspaceId } from './workspace.service.js';

builder.queryField('workspace', (t) =>
  t.prismaField({
    type: 'Workspace',
    description: 'A workspace you belong to: by ID, or the one named by the x-workspace-id header.',
    args: { id: t.arg.id({ required: false }) },
    authScopes: (_root, args, ctx) => (ctx.viewer ? { member: requireWorkspaceId(ctx, args.id) } : { authenticated: true }),
    resolve: (query, _root, args, ctx) => ctx.prisma.workspace.findUniqueOrThrow({ ...query, where: { id: requireWorkspaceId(ctx, args.id) } }),
  }),
);
