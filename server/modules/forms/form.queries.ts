import { builder } from '../../builder.js';
import { inWorkspace } from '../../auth/field-scopes.js';
import { notFound } from '../../errors.js';
import { idFromGlobalId } from '../node/uuid.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import { liveFormWhere } from './form.service.js';

const formsWhere = (workspaceId: string, isActive: boolean | null | undefined) => ({
  workspaceId,
  deletedAt: null,
  ...(isActive == null ? {} : { isActive }),
});

builder.queryFields((t) => ({
  forms: t.prismaConnection({
    type: 'Form',
    cursor: 'id',
    description: "The workspace's forms, newest first; `isActive` narrows to active or inactive ones.",
    args: { workspaceId: t.arg.id({ required: false }), isActive: t.arg.boolean({ required: false }) },
    authScopes: inWorkspace('records:read'),
    totalCount: (_root, args, ctx) => ctx.prisma.form.count({ where: formsWhere(requireWorkspaceId(ctx, args.workspaceId), args.isActive) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.form.findMany({
        ...query,
        where: formsWhere(requireWorkspaceId(ctx, args.workspaceId), args.isActive),
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
  }),
  form: t.prismaField({
    type: 'Form',
    args: { id: t.arg.id() },
    // The Form type's own scope turns another workspace's form into NOT_FOUND.
    authScopes: { authenticated: true },
    resolve: async (query, _root, args, ctx) => {
      const form = await ctx.prisma.form.findFirst({ ...query, where: liveFormWhere(idFromGlobalId(args.id, 'Form')) });
      if (!form) throw notFound('Form');
      return form;
    },
  }),
}));
