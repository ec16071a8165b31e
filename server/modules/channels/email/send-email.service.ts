// Sending an email from a contact, company or deal: the member's (or workspace's) SMTP account, a template
// with merge fields, threading headers on replies, then the record on every known participant's timeline.
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Context } from '../../../context.js';
import { badInput, notFound } from '../../../errors.js';
import { requireViewer } from '../../accounts/session.service.js';
import { idFromGlobalId } from '../../node/uuid.js';
import { assertVisibleLinks, linkColumns } from '../../records/record-links.js';
import { normalizeAddress } from '../../communications/addresses.js';
import { notConfigured } from '../secrets/sealed-secret.js';
import { recordEmail } from './email-record.js';
import { renderMerge, type MergeValues } from './merge-fields.js';
import { contactsByAddress } from './participants.js';
import { senderFor, SenderRefused } from './sender.js';
import { smtpFailure } from './smtp-accounts.service.js';
import { templateIn } from './templates.service.js';
import { canSeeRecord, recordAccess } from '../../../auth/record-access.js';

export interface SendEmailInput {
  to: string[];
  cc?: string[] | null;
  subject?: string | null;
  body?: string | null;
  templateId?: string | null;
  contactId?: string | null;
  companyId?: string | null;
  dealId?: string | null;
  /** The communication this answers: the reply carries In-Reply-To and References. */
  replyToId?: string | null;
}

const MAX_RECIPIENTS = 50;

const sendFailed = (message: string) => new GraphQLError(message, { extensions: { code: 'SEND_FAILED' } });

function addresses(values: string[] | null | undefined, field: string): string[] {
  return [...new Set((values ?? []).filter((v) => v.trim()).map((v) => normalizeAddress('EMAIL', v, field)))];
}

/** The message this one answers, when the viewer sees it and Kith knows its Message-ID. */
async function parentOf(context: Context, workspaceId: string, replyToId: string | null | undefined) {
  if (!replyToId) return null;
  const id = idFromGlobalId(replyToId, 'Communication', 'Reply-to');
  const parent = await context.prisma.communication.findFirst({ where: { id, workspaceId, deletedAt: null }, include: { emailMessage: true } });
  if (!parent || !(await canSeeRecord(context, { model: 'communication', id, workspaceId })))
    throw badInput('The message to reply to was not found.', 'input.replyToId');
  if (!parent.emailMessage) throw badInput('Only an email can be replied to.', 'input.replyToId');
  return { ...parent, emailMessage: parent.emailMessage };
}

async function mergeValues(
  context: Context,
  link: { contactId?: string | null; companyId?: string | null; dealId?: string | null },
  to: string[],
  sender: MergeValues['sender'],
): Promise<MergeValues> {
  const { prisma } = context;
  const contact = link.contactId
    ? await prisma.contact.findUnique({ where: { id: link.contactId }, include: { emails: { orderBy: { isPrimary: 'desc' }, take: 1 } } })
    : null;
  const company = link.companyId ? await prisma.company.findUnique({ where: { id: link.companyId } }) : null;
  const deal = link.dealId ? await prisma.deal.findUnique({ where: { id: link.dealId } }) : null;
  return {
    contact: contact && {
      firstName: contact.firstName,
      lastName: contact.lastName,
      jobTitle: contact.jobTitle,
      email: contact.emails[0]?.email ?? to[0] ?? null,
    },
    company: company && { name: company.name },
    deal: deal && { name: deal.name },
    sender,
  };
}

export async function sendEmail(context: Context, workspaceId: string, input: SendEmailInput) {
  const viewer = requireViewer(context);
  const access = await recordAccess(context, workspaceId);
  const to = addresses(input.to, 'input.to');
  const cc = addresses(input.cc, 'input.cc');
  if (to.length === 0) throw badInput('Give at least one recipient.', 'input.to');
  if (to.length + cc.length > MAX_RECIPIENTS) throw badInput(`At most ${MAX_RECIPIENTS} recipients.`, 'input.to');

  const links = await linkColumns(context.prisma, access, { companyId: input.companyId, dealId: input.dealId });
  const contactId = input.contactId ? idFromGlobalId(input.contactId, 'Contact') : null;
  if (contactId) await assertVisibleLinks(context.prisma, access, 'contact', [contactId], 'input.contactId');
  const parent = await parentOf(context, workspaceId, input.replyToId);
  const template = input.templateId ? await templateIn(context, workspaceId, idFromGlobalId(input.templateId, 'EmailTemplate', 'Template')) : null;

  const account = await senderFor(context, workspaceId, viewer.user.id);
  if (!account) throw notConfigured('No SMTP account is set up for sending: add yours in Settings → Email, or ask an admin to add the workspace one.');

  const participants = await contactsByAddress(context.prisma, workspaceId, [...to, ...cc], access);
  const mergeContactId = contactId ?? participants[0] ?? null;
  const values = await mergeValues(context, { contactId: mergeContactId, ...links }, to, {
    name: account.fromName ?? viewer.user.name,
    email: account.fromAddress,
  });
  const rawSubject = input.subject ?? template?.subject ?? (parent ? replySubject(parent.subject ?? parent.emailMessage.privateSubject) : '');
  const subject = renderMerge(rawSubject, values).trim();
  const body = renderMerge(input.body ?? template?.body ?? '', values);
  if (!body.trim()) throw badInput('The email needs a body (or a template).', 'input.body');

  const domain = account.fromAddress.split('@')[1]!;
  const messageId = `${randomUUID()}@${domain}`;
  const inReplyTo = parent?.emailMessage.messageId ?? null;
  const references = parent ? [...parent.emailMessage.references, parent.emailMessage.messageId] : [];

  // Sent first, recorded after: a failed send leaves nothing behind, and a record always means a sent mail.
  const transport = await account.transport().catch((error: unknown) => {
    throw error instanceof SenderRefused ? sendFailed(`The email was not sent: ${error.message}.`) : error;
  });
  try {
    await transport.sendMail({
      from: account.fromName ? { name: account.fromName, address: account.fromAddress } : account.fromAddress,
      to,
      cc: cc.length ? cc : undefined,
      subject,
      text: body,
      messageId: `<${messageId}>`,
      inReplyTo: inReplyTo ? `<${inReplyTo}>` : undefined,
      references: references.length ? references.map((id) => `<${id}>`) : undefined,
    });
  } catch (error) {
    throw sendFailed(`The email was not sent: ${smtpFailure(error)}.`);
  } finally {
    transport.close();
  }

  const { communicationId } = await context.prisma.$transaction((tx) =>
    recordEmail(tx, context, {
      workspaceId,
      direction: 'OUTBOUND',
      from: account.fromAddress,
      to,
      cc,
      subject: subject || null,
      text: body,
      html: null,
      messageId,
      inReplyTo,
      references,
      occurredAt: new Date(),
      ownerId: viewer.user.id,
      createdById: viewer.user.id,
      source: 'SENT',
      privacy: 'FULL',
      contactIds: [...new Set([...(contactId ? [contactId] : []), ...participants])],
      companyId: links.companyId,
      dealId: links.dealId,
    }),
  );
  if (!communicationId) throw notFound('Communication');
  return communicationId;
}

function replySubject(subject: string | null): string {
  if (!subject) return 'Re:';
  return /^re:/i.test(subject) ? subject : `Re: ${subject}`;
}
