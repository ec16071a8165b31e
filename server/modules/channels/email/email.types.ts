import { builder } from '../../../builder.js';
import { uuidNode } from '../../node/uuid.js';
import { viewerMayReadBody } from '../../communications/body-privacy.js';
import { AttachmentType } from '../../files/attachment.types.js';

builder.prismaObject('SmtpAccount', {
  description: 'SMTP settings for sending from Kith. The password is stored sealed and is never returned.',
  authScopes: (account) => (account.userId ? { self: account.userId } : { can: { workspaceId: account.workspaceId, permission: 'channels:manage' } }),
  fields: (t) => ({
    id: t.exposeID('id'),
    host: t.exposeString('host'),
    port: t.exposeInt('port'),
    secure: t.exposeBoolean('secure', { description: 'Implicit TLS (port 465); otherwise STARTTLS when offered.' }),
    username: t.exposeString('username'),
    fromAddress: t.exposeString('fromAddress'),
    fromName: t.exposeString('fromName', { nullable: true }),
    personal: t.boolean({ description: "A member's own account rather than the workspace's.", resolve: (account) => account.userId != null }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaNode('EmailTemplate', {
  ...uuidNode,
  description: 'A reusable email with merge fields such as {{contact.firstName}} and {{contact.firstName | there}}.',
  authScopes: (template) => ({ can: { workspaceId: template.workspaceId, permission: 'records:read' } }),
  fields: (t) => ({
    name: t.exposeString('name'),
    subject: t.exposeString('subject'),
    body: t.exposeString('body'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

/** The email behind a communication record; its private parts follow the record's private-body rule. */
const EmailMessageType = builder.prismaObject('EmailMessage', {
  authScopes: (message) => ({ seesRecord: { model: 'communication', id: message.communicationId, workspaceId: message.workspaceId } }),
  fields: (t) => ({
    messageId: t.exposeString('messageId', { description: 'Without angle brackets.' }),
    inReplyTo: t.exposeString('inReplyTo', { nullable: true }),
    references: t.exposeStringList('references'),
    threadId: t.exposeString('threadId', { description: 'The Message-ID that started the thread: every message of a thread shares it.' }),
    ccAddresses: t.exposeStringList('ccAddresses'),
    source: t.exposeString('source', { description: 'SENT (from Kith), FORWARDED (the BCC/forwarding address) or IMAP (a synced mailbox).' }),
    subject: t.string({
      nullable: true,
      description: 'The subject, also when the mailbox shows others metadata only (then only its owner and admins read it).',
      select: { communication: { select: { subject: true, ownerId: true, bodyPrivate: true, workspaceId: true } } },
      resolve: async (message, _args, ctx) =>
        message.communication.subject ?? ((await viewerMayReadBody(ctx, message.communication)) ? message.privateSubject : null),
    }),
    html: t.string({
      nullable: true,
      description: 'The HTML body, sanitised when it arrived; null when absent or private to you.',
      select: { communication: { select: { ownerId: true, bodyPrivate: true, workspaceId: true } } },
      resolve: async (message, _args, ctx) => ((await viewerMayReadBody(ctx, message.communication)) ? message.html : null),
    }),
    attachments: t.field({
      type: [AttachmentType],
      description: 'Files that came with the email (hidden with a private body).',
      select: {
        communication: {
          select: { ownerId: true, bodyPrivate: true, workspaceId: true, files: { where: { deletedAt: null }, orderBy: { createdAt: 'asc' } } },
        },
      },
      resolve: async (message, _args, ctx) => ((await viewerMayReadBody(ctx, message.communication)) ? message.communication.files : []),
    }),
  }),
});

builder.prismaObjectField('Communication', 'email', (t) =>
  t.relation('emailMessage', {
    type: EmailMessageType,
    nullable: true,
    description: 'For email sent or received through Kith: threading headers, HTML and attachments.',
  }),
);
