import { z } from 'zod';
import { selectedRow } from '../../../db/delegate.js';
import { builder } from '../../../builder.js';
import type { Context } from '../../../context.js';
import { MailboxPrivacy } from '../../../generated/prisma/enums.js';
import { requireViewer } from '../../accounts/session.service.js';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { idFromGlobalId } from '../../node/uuid.js';
import { requiredText, shortText } from '../../records/common.types.js';
import { requireWorkspaceId } from '../../workspaces/workspace.service.js';
import { notFound } from '../../../errors.js';
import { connectMailbox, disconnectMailbox, updateMailbox } from './mailbox.service.js';
import { permissionInWorkspace } from '../../../auth/record-scopes.js';

export const MailboxPrivacyEnum = builder.enumType(MailboxPrivacy, {
  name: 'MailboxPrivacy',
  description:
    'What others in the workspace see of synced mail: FULL message, SUBJECT and metadata, or METADATA only (who, when). Admins and you see everything.',
});

// Not a Node: a mailbox is its owner's alone (not the workspace's), read only through myMailboxes.
builder.prismaObject('Mailbox', {
  description: 'An IMAP mailbox of yours that Kith syncs. The password is stored sealed and never returned.',
  authScopes: (mailbox) => ({ self: mailbox.userId }),
  fields: (t) => ({
    id: t.id({ resolve: (mailbox) => encodeGlobalID('Mailbox', mailbox.id) }),
    host: t.exposeString('host'),
    port: t.exposeInt('port'),
    secure: t.exposeBoolean('secure'),
    username: t.exposeString('username'),
    privacy: t.expose('privacy', { type: MailboxPrivacyEnum }),
    importEveryone: t.exposeBoolean('importEveryone', { description: 'Import mail with everyone, not only with known contacts.' }),
    excludedFolders: t.exposeStringList('excludedFolders'),
    syncSince: t.expose('syncSince', { type: 'DateTime' }),
    status: t.exposeString('status', { description: 'CONNECTING, SYNCING, IDLE (up to date, waiting for new mail) or ERROR.' }),
    lastError: t.exposeString('lastError', { nullable: true }),
    lastSyncedAt: t.expose('lastSyncedAt', { type: 'DateTime', nullable: true }),
    importedCount: t.int({ resolve: (mailbox, _args, ctx) => ctx.prisma.emailMessage.count({ where: { mailboxId: mailbox.id } }) }),
  }),
});

const folderList = z.array(shortText('Folder', 500)).max(100);

const ConnectMailboxInput = builder.inputType('ConnectMailboxInput', {
  fields: (t) => ({
    host: t.string({ validate: requiredText('Host', 253) }),
    port: t.int({ validate: z.number().int().min(1).max(65535) }),
    secure: t.boolean({ required: false, description: 'Implicit TLS; defaults to true on port 993.' }),
    username: t.string({ validate: requiredText('User name', 320) }),
    password: t.string({ description: 'The password, or an app password where the provider has them.', validate: requiredText('Password', 1000) }),
    privacy: t.field({ type: MailboxPrivacyEnum, required: false, description: 'Defaults to SUBJECT.' }),
    importEveryone: t.boolean({ required: false }),
    excludedFolders: t.stringList({ required: false, validate: folderList }),
    syncDays: t.int({ required: false, description: 'How many days back the first sync goes (default 90).', validate: z.number().int().min(1).max(3650) }),
  }),
});

const MailboxSettingsInput = builder.inputType('MailboxSettingsInput', {
  fields: (t) => ({
    privacy: t.field({ type: MailboxPrivacyEnum, required: false }),
    importEveryone: t.boolean({ required: false }),
    excludedFolders: t.stringList({ required: false, validate: folderList }),
  }),
});

/** Only the mailbox's owner, signed in with a session, acts on it; anyone else reads NOT_FOUND. */
async function ownMailbox(ctx: Context, globalId: string) {
  if (!ctx.viewer) return { authenticated: true } as const;
  const mailbox = await ctx.prisma.mailbox.findUnique({ where: { id: idFromGlobalId(globalId, 'Mailbox') } });
  if (!mailbox || mailbox.userId !== ctx.viewer.user.id || (await ctx.roleIn(mailbox.workspaceId)) == null) throw notFound('Mailbox');
  return { $all: { personal: true, can: { workspaceId: mailbox.workspaceId, permission: 'channels:send' as const } } };
}

builder.queryField('myMailboxes', (t) =>
  t.prismaField({
    type: ['Mailbox'],
    args: { workspaceId: t.arg.id({ required: false }) },
    authScopes: (_root, args, ctx) => ({ $all: { personal: true, ...permissionInWorkspace(ctx, 'channels:send', args.workspaceId) } }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.mailbox.findMany({
        ...query,
        where: { workspaceId: requireWorkspaceId(ctx, args.workspaceId), userId: requireViewer(ctx).user.id },
        orderBy: { createdAt: 'asc' },
      }),
  }),
);

builder.mutationFields((t) => ({
  connectMailbox: t.prismaField({
    type: 'Mailbox',
    description: 'Signs in to an IMAP mailbox of yours and starts syncing it.',
    args: { workspaceId: t.arg.id({ required: false }), input: t.arg({ type: ConnectMailboxInput }) },
    authScopes: (_root, args, ctx) => ({ $all: { personal: true, ...permissionInWorkspace(ctx, 'channels:send', args.workspaceId) } }),
    resolve: async (query, _root, args, ctx) =>
      selectedRow(ctx, 'mailbox', query, await connectMailbox(ctx, requireWorkspaceId(ctx, args.workspaceId), requireViewer(ctx).user.id, args.input)),
  }),
  updateMailbox: t.prismaField({
    type: 'Mailbox',
    args: { id: t.arg.id(), input: t.arg({ type: MailboxSettingsInput }) },
    authScopes: (_root, args, ctx) => ownMailbox(ctx, args.id),
    resolve: async (query, _root, args, ctx) => selectedRow(ctx, 'mailbox', query, await updateMailbox(ctx, idFromGlobalId(args.id, 'Mailbox'), args.input)),
  }),
  disconnectMailbox: t.int({
    description: 'Stops the sync and forgets the mailbox; with deleteImported, the mail it imported is deleted too. Returns how many messages went.',
    args: { id: t.arg.id(), deleteImported: t.arg.boolean() },
    authScopes: (_root, args, ctx) => ownMailbox(ctx, args.id),
    resolve: (_root, args, ctx) => disconnectMailbox(ctx, idFromGlobalId(args.id, 'Mailbox'), args.deleteImported),
  }),
}));
