import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { passwordInput } from '../accounts/inputs.js';
import { idFromGlobalId } from '../node/uuid.js';
import { requiredText } from '../records/common.types.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import { deleteMyAccount, exportMyData } from './account-privacy.service.js';
import { eraseContact, exportContact, type ContactErasure } from './contact-privacy.service.js';
import type { ErasureMention } from './erasure-free-text.js';
import { cancelWorkspaceDeletion, requestWorkspaceDeletion } from './workspace-deletion.service.js';
import { rolesWith } from '../../auth/permissions.js';
import { permissionInWorkspace, permissionOnWorkspaceRow } from '../../auth/record-scopes.js';

/** Contacts in the trash count too: erasure and access requests reach them. */
const privacyOnContact = (ctx: Context, globalId: string) =>
  permissionOnWorkspaceRow(ctx, () => ctx.prisma.contact.findUnique({ where: { id: idFromGlobalId(globalId, 'Contact') } }), 'privacy:manage', 'Contact');

interface PendingDeletionShape {
  workspaceId: string;
  name: string;
  purgeAfter: Date;
}

const PendingWorkspaceDeletion = builder.objectRef<PendingDeletionShape>('PendingWorkspaceDeletion').implement({
  description: 'A workspace you own that is closed and will be purged at `purgeAfter` unless an owner cancels.',
  authScopes: { personal: true },
  fields: (t) => ({
    workspaceId: t.exposeID('workspaceId', { description: 'The workspace UUID (it no longer resolves as a node while closed).' }),
    name: t.exposeString('name'),
    purgeAfter: t.expose('purgeAfter', { type: 'DateTime' }),
  }),
});

const ErasureNameMention = builder.objectRef<ErasureMention>('ErasureNameMention').implement({
  description: 'A place where an erased contact’s name is still written: review it, and redact it if it means them.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    recordType: t.exposeString('recordType', { description: 'Note, Comment, Activity or Communication.' }),
    recordId: t.id({ description: 'Global ID of the record.', resolve: (m) => encodeGlobalID(m.recordType, m.recordId) }),
    field: t.exposeString('field', { description: 'The field holding the mention: body, subject or outcome.' }),
    excerpt: t.exposeString('excerpt', { description: 'The mention with a little of the text around it.' }),
  }),
});

const ContactErasureType = builder.objectRef<ContactErasure>('ContactErasure').implement({
  description: 'What an erasure did beyond deleting the contact.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    invalidatedExports: t.exposeInt('invalidatedExports', { description: 'Earlier export archives of the workspace, deleted because they held the contact.' }),
    scrubbedRecords: t.exposeInt('scrubbedRecords', {
      description: 'Kept records whose text had the contact’s emails, phone numbers or profile URLs replaced by [erased].',
    }),
    nameMentions: t.field({
      type: [ErasureNameMention],
      description: 'Where the contact’s name is still written (at most 100).',
      resolve: (e) => e.nameMentions,
    }),
  }),
});

builder.queryFields((t) => ({
  workspacesPendingDeletion: t.field({
    type: [PendingWorkspaceDeletion],
    authScopes: { personal: true },
    resolve: async (_root, _args, ctx) => {
      const rows = await ctx.prisma.membership.findMany({
        where: { userId: ctx.viewer!.user.id, role: { in: rolesWith('workspace:delete') }, workspace: { closedAt: { not: null } } },
        select: { workspace: { select: { id: true, name: true, purgeAfter: true } } },
      });
      return rows.map(({ workspace }) => ({ workspaceId: workspace.id, name: workspace.name, purgeAfter: workspace.purgeAfter! }));
    },
  }),
}));

builder.mutationFields((t) => ({
  exportContact: t.field({
    type: 'JSONObject',
    description: 'Everything Kith holds about one contact (a data subject access request), as JSON. Audited.',
    args: { id: t.arg.id() },
    authScopes: (_root, args, ctx) => privacyOnContact(ctx, args.id),
    resolve: (_root, args, ctx) => exportContact(ctx, idFromGlobalId(args.id, 'Contact')),
  }),
  eraseContact: t.field({
    type: ContactErasureType,
    description:
      'Permanently removes a contact and what only describes them (right to erasure); their emails, phone numbers and profile URLs are replaced by [erased] in the text of kept records, and earlier export archives are invalidated. Audited without personal data.',
    args: { id: t.arg.id() },
    authScopes: (_root, args, ctx) => privacyOnContact(ctx, args.id),
    resolve: (_root, args, ctx) => eraseContact(ctx, idFromGlobalId(args.id, 'Contact')),
  }),
  requestMyDataExport: t.field({
    type: 'JSONObject',
    description: 'Your own account data (profile, preferences, memberships, sessions, usage and security log) as JSON.',
    authScopes: { personal: true },
    resolve: (_root, _args, ctx) => exportMyData(ctx),
  }),
  deleteMyAccount: t.field({
    type: 'DateTime',
    description:
      'Deletes your account: you are signed out and leave every workspace now; your personal data is wiped at the returned time. Refused while you are the only owner of a workspace.',
    args: { password: t.arg.string({ validate: passwordInput }) },
    authScopes: { personal: true },
    resolve: (_root, args, ctx) => deleteMyAccount(ctx, args.password),
  }),
  requestWorkspaceDeletion: t.field({
    type: 'DateTime',
    description: 'Closes the workspace at once for everyone and purges it at the returned time, unless an owner cancels first.',
    args: {
      workspaceId: t.arg.id({ required: false }),
      confirmName: t.arg.string({ validate: requiredText('Workspace name', 200) }),
      password: t.arg.string({ validate: passwordInput }),
    },
    authScopes: (_root, args, ctx) => ({ $all: { personal: true, ...permissionInWorkspace(ctx, 'workspace:delete', args.workspaceId) } }),
    resolve: async (_root, args, ctx) =>
      (await requestWorkspaceDeletion(ctx, requireWorkspaceId(ctx, args.workspaceId), args.confirmName, args.password)).purgeAfter,
  }),
  cancelWorkspaceDeletion: t.boolean({
    description: 'Reopens a workspace you own that is scheduled for deletion.',
    args: { workspaceId: t.arg.id() },
    authScopes: { personal: true },
    resolve: async (_root, args, ctx) => {
      await cancelWorkspaceDeletion(ctx, requireWorkspaceId(ctx, args.workspaceId));
      return true;
    },
  }),
}));
