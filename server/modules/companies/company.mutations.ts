import { builder } from '../../builder.js';
import { idFromGlobalId } from '../node/uuid.js';
import { requireWorkspaceId } from '../workspaces/workspaces.service.js';
import { createCompany, setCompanyDeleted, updateCompany } from './companies.service.js';
import { CompanyInput } from './company.inputs.js';
import { permissionInWorkspace } from '../../auth/record-scopes.js';

const key = (id: string) => idFromGlobalId(id, 'Company');

builder.mutationFields((t) => ({
  createCompany: t.prismaField({
    type: 'Company',
    args: { workspaceId: t.arg.id({ required: false }), input: t.arg({ type: CompanyInput }) },
    authScopes: (_root, args, ctx) => permissionInWorkspace(ctx, 'records:create', args.workspaceId),
    resolve: async (query, _root, args, ctx) => {
      const company = await createCompany(ctx, requireWorkspaceId(ctx, args.workspaceId), args.input);
      return ctx.prisma.company.findUniqueOrThrow({ ...query, where: { id: company.id } });
    },
  }),
  updateCompany: t.prismaField({
    type: 'Company',
    args: { id: t.arg.id(), input: t.arg({ type: CompanyInput }) },
    authScopes: (_root, args) => ({ record: { model: 'company', id: args.id, permission: 'records:update' } }),
    resolve: async (query, _root, args, ctx) => {
      const company = await updateCompany(ctx, key(args.id), args.input);
      return ctx.prisma.company.findUniqueOrThrow({ ...query, where: { id: company.id } });
    },
  }),
  deleteCompany: t.prismaField({
    type: 'Company',
    description: 'Moves the company to the trash, from where it can be restored until it is purged (30 days later unless the server is set otherwise).',
    args: { id: t.arg.id() },
    authScopes: (_root, args) => ({ deletes: { model: 'company', id: args.id } }),
    resolve: async (query, _root, args, ctx) => {
      const company = await setCompanyDeleted(ctx, key(args.id), true);
      return ctx.prisma.company.findUniqueOrThrow({ ...query, where: { id: company.id } });
    },
  }),
  restoreCompany: t.prismaField({
    type: 'Company',
    args: { id: t.arg.id() },
    authScopes: (_root, args) => ({ deletes: { model: 'company', id: args.id } }),
    resolve: async (query, _root, args, ctx) => {
      const company = await setCompanyDeleted(ctx, key(args.id), false);
      return ctx.prisma.company.findUniqueOrThrow({ ...query, where: { id: company.id } });
    },
  }),
}));
