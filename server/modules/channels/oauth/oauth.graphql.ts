import { z } from 'zod';
import { builder } from '../../../builder.js';
import { requireViewer } from '../../accounts/session.service.js';
import { shortText } from '../../records/common.types.js';
import { requireWorkspaceId } from '../../workspaces/workspace.service.js';
import { MailboxPrivacyEnum } from '../imap/mailbox.graphql.js';
import { startMailboxOAuth } from './mailbox-oauth.js';
import { permissionInWorkspace } from '../../../auth/record-scopes.js';

const MailOAuthProviderEnum = builder.enumType('MailOAuthProvider', {
  description: 'A provider whose mailboxes sign in with OAuth2 (XOAUTH2) rather than a password.',
  values: { GOOGLE: { value: 'google' }, MICROSOFT: { value: 'microsoft' } } as const,
});

const StartMailboxOAuthInput = builder.inputType('StartMailboxOAuthInput', {
  fields: (t) => ({
    provider: t.field({ type: MailOAuthProviderEnum }),
    privacy: t.field({ type: MailboxPrivacyEnum, required: false, description: 'Defaults to SUBJECT.' }),
    importEveryone: t.boolean({ required: false }),
    excludedFolders: t.stringList({ required: false, validate: z.array(shortText('Folder', 500)).max(100) }),
    syncDays: t.int({ required: false, description: 'How many days back the first sync goes (default 90).', validate: z.number().int().min(1).max(3650) }),
  }),
});

builder.mutationField('startMailboxOAuth', (t) =>
  t.string({
    description:
      "Starts connecting a mailbox of yours by OAuth2: returns the provider's consent URL to open in this browser. The provider sends you back to /oauth/mail/callback, which connects the mailbox with the settings given here.",
    args: { workspaceId: t.arg.id({ required: false }), input: t.arg({ type: StartMailboxOAuthInput }) },
    authScopes: (_root, args, ctx) => ({ $all: { personal: true, ...permissionInWorkspace(ctx, 'channels:send', args.workspaceId) } }),
    resolve: (_root, args, ctx) => {
      const { provider, ...settings } = args.input;
      return startMailboxOAuth(ctx, requireWorkspaceId(ctx, args.workspaceId), requireViewer(ctx).user.id, provider, settings);
    },
  }),
);
