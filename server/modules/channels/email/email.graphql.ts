import { z } from 'zod';
import { rowList } from '../../workspaces/row-lists.js';
import { inWorkspace } from '../../../auth/field-scopes.js';
import { selectedRow } from '../../../db/delegate.js';
import { builder } from '../../../builder.js';
import { rowMutations } from '../../workspaces/row-mutations.js';
import { MAX_LONG_TEXT, requiredText, shortText } from '../../records/common.types.js';
import { requireWorkspaceId } from '../../workspaces/workspace.service.js';
import { requireViewer } from '../../accounts/session.service.js';
import { sendEmail } from './send-email.service.js';
import { removeSmtpAccount, saveSmtpAccount } from './smtp-accounts.service.js';
import { createTemplate, deleteTemplate, updateTemplate } from './templates.service.js';
import './email.types.js';

const SmtpAccountInput = builder.inputType('SmtpAccountInput', {
  fields: (t) => ({
    host: t.string({ validate: requiredText('Host', 253) }),
    port: t.int({ validate: z.number().int().min(1).max(65535) }),
    secure: t.boolean({ required: false, description: 'Implicit TLS; defaults to true on port 465.' }),
    username: t.string({ validate: requiredText('User name', 320) }),
    password: t.string({
      required: false,
      description: 'Required the first time; left out, the stored one is kept. An app password where the provider has them.',
      validate: shortText('Password', 1000),
    }),
    fromAddress: t.string({ validate: requiredText('From address', 320) }),
    fromName: t.string({ required: false, validate: shortText('From name', 200) }),
  }),
});

const EmailTemplateInput = builder.inputType('EmailTemplateInput', {
  fields: (t) => ({
    name: t.string({ required: false, validate: shortText('Name', 200) }),
    subject: t.string({ required: false, validate: shortText('Subject', 998) }),
    body: t.string({ required: false, validate: shortText('Body', MAX_LONG_TEXT) }),
  }),
});

const address = shortText('Address', 320);
const SendEmailInput = builder.inputType('SendEmailInput', {
  fields: (t) => ({
    to: t.stringList({ validate: z.array(address).max(50, 'At most 50 recipients.') }),
    cc: t.stringList({ required: false, validate: z.array(address).max(50, 'At most 50 recipients.') }),
    subject: t.string({
      required: false,
      description: 'Defaults to the template\'s, or "Re: ..." on a reply. Merge fields allowed.',
      validate: shortText('Subject', 998),
    }),
    body: t.string({ required: false, description: "Plain text with merge fields; defaults to the template's.", validate: shortText('Body', MAX_LONG_TEXT) }),
    templateId: t.id({ required: false }),
    contactId: t.id({ required: false, description: 'The contact the email is written from (and whose fields merge).' }),
    companyId: t.id({ required: false }),
    dealId: t.id({ required: false }),
    replyToId: t.id({ required: false, description: 'A communication (email) this answers: In-Reply-To and References follow.' }),
  }),
});

builder.queryFields((t) => ({
  workspaceSmtpAccount: t.prismaField({
    type: 'SmtpAccount',
    nullable: true,
    description: "The workspace's SMTP account for sending (admins).",
    args: { workspaceId: t.arg.id({ required: false }) },
    authScopes: inWorkspace('channels:manage'),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.smtpAccount.findFirst({ ...query, where: { workspaceId: requireWorkspaceId(ctx, args.workspaceId), userId: null } }),
  }),
  mySmtpAccount: t.prismaField({
    type: 'SmtpAccount',
    nullable: true,
    description: "Your own SMTP account in this workspace, used instead of the workspace's.",
    args: { workspaceId: t.arg.id({ required: false }) },
    authScopes: inWorkspace('channels:send'),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.smtpAccount.findFirst({ ...query, where: { workspaceId: requireWorkspaceId(ctx, args.workspaceId), userId: requireViewer(ctx).user.id } }),
  }),
  emailTemplates: rowList(t, {
    type: 'EmailTemplate',
    model: 'emailTemplate',
    permission: 'records:read',
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: 500,
  }),
}));

builder.mutationFields((t) => {
  const templates = rowMutations(t, 'emailTemplate', 'channels:send');
  return {
    setWorkspaceSmtpAccount: t.prismaField({
      type: 'SmtpAccount',
      description: "Saves the workspace's SMTP account after signing in to the server with it.",
      args: { workspaceId: t.arg.id({ required: false }), input: t.arg({ type: SmtpAccountInput }) },
      authScopes: inWorkspace('channels:manage'),
      resolve: async (query, _root, args, ctx) =>
        selectedRow(ctx, 'smtpAccount', query, await saveSmtpAccount(ctx, requireWorkspaceId(ctx, args.workspaceId), null, args.input)),
    }),
    removeWorkspaceSmtpAccount: t.boolean({
      args: { workspaceId: t.arg.id({ required: false }) },
      authScopes: inWorkspace('channels:manage'),
      resolve: (_root, args, ctx) => removeSmtpAccount(ctx, requireWorkspaceId(ctx, args.workspaceId), null),
    }),
    setMySmtpAccount: t.prismaField({
      type: 'SmtpAccount',
      description: 'Saves your own SMTP account for this workspace after signing in to the server with it.',
      args: { workspaceId: t.arg.id({ required: false }), input: t.arg({ type: SmtpAccountInput }) },
      authScopes: inWorkspace('channels:send'),
      resolve: async (query, _root, args, ctx) =>
        selectedRow(ctx, 'smtpAccount', query, await saveSmtpAccount(ctx, requireWorkspaceId(ctx, args.workspaceId), requireViewer(ctx).user.id, args.input)),
    }),
    removeMySmtpAccount: t.boolean({
      args: { workspaceId: t.arg.id({ required: false }) },
      authScopes: inWorkspace('channels:send'),
      resolve: (_root, args, ctx) => removeSmtpAccount(ctx, requireWorkspaceId(ctx, args.workspaceId), requireViewer(ctx).user.id),
    }),
    createEmailTemplate: templates.create(EmailTemplateInput, createTemplate),
    updateEmailTemplate: templates.update(EmailTemplateInput, updateTemplate),
    deleteEmailTemplate: templates.remove(deleteTemplate),
    sendEmail: t.prismaField({
      type: 'Communication',
      description: "Sends an email through your SMTP account (or the workspace's) and records it on every known participant's timeline.",
      args: { workspaceId: t.arg.id({ required: false }), input: t.arg({ type: SendEmailInput }) },
      authScopes: inWorkspace('channels:send'),
      resolve: async (query, _root, args, ctx) =>
        selectedRow(ctx, 'communication', query, { id: await sendEmail(ctx, requireWorkspaceId(ctx, args.workspaceId), args.input) }),
    }),
  };
});
