import { builder } from '../../builder.js';
import { inWorkspace } from '../../auth/field-scopes.js';
import { recordField } from '../records/record-queries.js';
import { recordListField } from '../records/record-list-field.js';
import type { Context } from '../../context.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { emailInput, normalizeEmail } from '../accounts/inputs.js';
import { shortText } from '../records/common.types.js';
import { normalizeProfileUrl } from '../records/normalize.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import { type SortShape } from '../custom-fields/custom-field.inputs.js';
import { filterBranches } from '../custom-fields/list-page.js';
import { ContactFilter, ContactSort, type ContactFilterShape } from './contact.inputs.js';
import { contactFilterWhere, contactOrderBy } from './contact-where.js';
import { recordAccess } from '../../auth/record-access.js';
import { visibleWhere } from '../../auth/record-where.js';

/** Live contacts of the workspace the viewer sees, narrowed by `where`. */
async function visibleContacts(ctx: Context, workspaceIdArg: string | null | undefined, where: Prisma.ContactWhereInput) {
  const access = await recordAccess(ctx, requireWorkspaceId(ctx, workspaceIdArg));
  return { AND: [visibleWhere(access), where] };
}

export type ContactListArgs = {
  workspaceId?: string | null;
  filter?: ContactFilterShape | null;
  sort?: Parameters<typeof contactOrderBy>[0];
  trash?: boolean | null;
  customSort?: SortShape | null;
};

export async function contactList(ctx: Context, args: ContactListArgs) {
  const workspaceId = requireWorkspaceId(ctx, args.workspaceId);
  const where = await visibleContacts(ctx, workspaceId, contactFilterWhere(args.filter, !!args.trash));
  return {
    entity: 'CONTACT' as const,
    delegate: ctx.prisma.contact,
    workspaceId,
    trash: !!args.trash,
    filters: args.filter?.custom,
    customSort: args.customSort,
    anyOf: filterBranches(args.filter, (branch) => contactFilterWhere(branch, !!args.trash)),
    where,
    orderBy: contactOrderBy(args.sort) as Array<Record<string, unknown>>,
  };
}

builder.queryFields((t) => ({
  contacts: recordListField(t, {
    type: 'Contact',
    model: 'contact',
    description: 'Contacts you can see, filtered and sorted (by name unless said otherwise); `trash: true` lists deleted ones instead.',
    filter: ContactFilter,
    sort: ContactSort,
    list: contactList,
  }),
  contact: recordField(t, { type: 'Contact', model: 'contact', checkedBy: 'type' }),
  contactByEmail: t.prismaField({
    type: 'Contact',
    nullable: true,
    description: 'The live contact you can see with this email address (any case), or null.',
    args: { workspaceId: t.arg.id({ required: false }), email: t.arg.string({ validate: emailInput }) },
    authScopes: inWorkspace('records:read'),
    resolve: async (query, _root, args, ctx) => {
      const email = { equals: normalizeEmail(args.email), mode: 'insensitive' as const };
      return ctx.prisma.contact.findFirst({
        ...query,
        where: await visibleContacts(ctx, args.workspaceId, { deletedAt: null, emails: { some: { email } } }),
      });
    },
  }),
  contactByProfileUrl: t.prismaField({
    type: 'Contact',
    nullable: true,
    description: 'The oldest live contact you can see with this profile (LinkedIn, Upwork, ...), however its URL is written; or null.',
    args: { workspaceId: t.arg.id({ required: false }), url: t.arg.string({ validate: shortText('URL', 2000) }) },
    authScopes: inWorkspace('records:read'),
    resolve: async (query, _root, args, ctx) => {
      const { key } = normalizeProfileUrl(args.url, 'url');
      return ctx.prisma.contact.findFirst({
        ...query,
        where: await visibleContacts(ctx, args.workspaceId, { deletedAt: null, profiles: { some: { normalizedKey: key } } }),
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
    },
  }),
}));
