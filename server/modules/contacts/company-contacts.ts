// Company.contacts lives with the contacts module: the companies module knows nothing of contacts.
import { builder } from '../../builder.js';
import { recordAccess, visibleWhere } from '../records/access.js';
import { ContactSort } from './contact.inputs.js';
import { contactOrderBy } from './contact-where.js';
import './contact.types.js';

builder.prismaObjectField('Company', 'contacts', (t) =>
  t.prismaConnection({
    type: 'Contact',
    cursor: 'id',
    description: 'The live contacts at this company that you can see, by name unless said otherwise.',
    args: { sort: t.arg({ type: ContactSort, required: false }) },
    authScopes: (company) => ({ can: { workspaceId: company.workspaceId, permission: 'records:read' } }),
    totalCount: async (company, _args, ctx) => {
      const access = await recordAccess(ctx, company.workspaceId);
      return ctx.prisma.contact.count({ where: { AND: [visibleWhere(access), { companyId: company.id, deletedAt: null }] } });
    },
    resolve: async (query, company, args, ctx) => {
      const access = await recordAccess(ctx, company.workspaceId);
      return ctx.prisma.contact.findMany({
        ...query,
        where: { AND: [visibleWhere(access), { companyId: company.id, deletedAt: null }] },
        orderBy: contactOrderBy(args.sort),
      });
    },
  }),
);
