// Company.contacts lives with the contacts module: the companies module knows nothing of contacts.
import { builder } from '../../builder.js';
import { ContactSort } from './contact.inputs.js';
import { contactOrderBy } from './contact-where.js';
import './contact.types.js';
import { visibleInAnyWorkspace } from '../../auth/record-access.js';

// A related connection loads with the companies around it (one query for a whole list of companies),
// and its totalCount applies the same visibility filter (`filterConnectionTotalCount`).
builder.prismaObjectField('Company', 'contacts', (t) =>
  t.relatedConnection('contacts', {
    cursor: 'id',
    description: 'The live contacts at this company that you can see, by name unless said otherwise.',
    args: { sort: t.arg({ type: ContactSort, required: false }) },
    totalCount: true,
    authScopes: (company) => ({ can: { workspaceId: company.workspaceId, permission: 'records:read' } }),
    query: async (args, ctx) => ({
      where: { AND: [await visibleInAnyWorkspace(ctx), { deletedAt: null }] },
      orderBy: contactOrderBy(args.sort),
    }),
  }),
);
