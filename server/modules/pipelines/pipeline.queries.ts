import { builder } from '../../builder.js';
import { inWorkspace } from '../../auth/field-scopes.js';
import { requireWorkspaceId } from '../workspaces/workspaces.service.js';
import './pipeline.types.js';

builder.queryField('pipelines', (t) =>
  t.prismaField({
    type: ['Pipeline'],
    description: "The workspace's pipelines, in order.",
    args: { workspaceId: t.arg.id({ required: false }) },
    authScopes: inWorkspace('records:read'),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.pipeline.findMany({
        ...query,
        where: { workspaceId: requireWorkspaceId(ctx, args.workspaceId) },
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
      }),
  }),
);
