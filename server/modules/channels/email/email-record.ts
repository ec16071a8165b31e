// One email as Kith keeps it: a Communication (the timeline record, with the usual visibility and private
// body rules) plus its EmailMessage (headers for threading, sanitised HTML). Sent, forwarded and synced mail
// all go through here, so threading and deduplication are one rule.
import type { MailboxPrivacy, Prisma } from '../../../generated/prisma/client.js';
import { emitEvent, type EventSink } from '../../activity-events/record-event.js';
import type { Context } from '../../../context.js';

type Tx = Prisma.TransactionClient;

export interface EmailToRecord {
  workspaceId: string;
  direction: 'INBOUND' | 'OUTBOUND';
  from: string | null;
  to: string[];
  cc: string[];
  subject: string | null;
  text: string | null;
  /** Already sanitised. */
  html: string | null;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  occurredAt: Date;
  ownerId: string | null;
  createdById: string | null;
  source: 'SENT' | 'FORWARDED' | 'IMAP';
  /** What others see (mailbox privacy); FULL for sent and forwarded mail. */
  privacy: MailboxPrivacy;
  contactIds: string[];
  companyId?: string | null;
  dealId?: string | null;
  mailbox?: { id: string; folder: string; uid: number };
}

const MAX_REFERENCES = 30;

/** "<a@b>" → "a@b"; header values come with or without brackets. */
export function stripBrackets(id: string): string {
  return id.trim().replace(/^<|>$/g, '');
}

/**
 * The thread an email belongs to: the thread of the message it answers when Kith knows it, else the first
 * message named in References (the root, by RFC 5322), else itself. A reply that arrives before its root
 * still lands in the root's thread.
 */
async function threadOf(tx: Tx, workspaceId: string, email: Pick<EmailToRecord, 'messageId' | 'inReplyTo' | 'references'>) {
  const named = [email.inReplyTo, ...[...email.references].reverse()].filter((id): id is string => !!id);
  if (named.length > 0) {
    const parents = await tx.emailMessage.findMany({
      where: { workspaceId, messageId: { in: named } },
      select: { messageId: true, threadId: true, communication: { select: { companyId: true, dealId: true } } },
    });
    const nearest = named.map((id) => parents.find((p) => p.messageId === id)).find((p) => p != null);
    if (nearest) return { threadId: nearest.threadId, companyId: nearest.communication.companyId, dealId: nearest.communication.dealId };
  }
  return { threadId: email.references[0] ?? email.inReplyTo ?? email.messageId, companyId: null, dealId: null };
}

/**
 * Writes the email unless the workspace already has a message with its Message-ID (then returns that one
 * with `created: false`): a message BCC'd and synced, or synced again after a restart, is kept once.
 */
export async function recordEmail(tx: Tx, sink: EventSink & Partial<Pick<Context, 'viewer'>>, email: EmailToRecord) {
  const existing = await tx.emailMessage.findUnique({ where: { workspaceId_messageId: { workspaceId: email.workspaceId, messageId: email.messageId } } });
  if (existing) return { communicationId: existing.communicationId, created: false };
  const thread = await threadOf(tx, email.workspaceId, email);
  const metadataOnly = email.privacy === 'METADATA';
  const communication = await tx.communication.create({
    data: {
      workspaceId: email.workspaceId,
      kind: 'EMAIL',
      direction: email.direction,
      fromAddress: email.from,
      toAddresses: [...new Set([...email.to, ...email.cc])],
      subject: metadataOnly ? null : email.subject,
      body: email.text,
      bodyPrivate: email.privacy !== 'FULL',
      occurredAt: email.occurredAt,
      ownerId: email.ownerId,
      createdById: email.createdById,
      companyId: email.companyId ?? thread.companyId,
      dealId: email.dealId ?? thread.dealId,
      contacts: { create: [...new Set(email.contactIds)].map((contactId) => ({ contactId })) },
      emailMessage: {
        create: {
          workspaceId: email.workspaceId,
          messageId: email.messageId,
          inReplyTo: email.inReplyTo,
          references: email.references.slice(-MAX_REFERENCES),
          threadId: thread.threadId,
          ccAddresses: email.cc,
          html: email.html,
          privateSubject: metadataOnly ? email.subject : null,
          source: email.source,
          mailboxId: email.mailbox?.id,
          folder: email.mailbox?.folder,
          uid: email.mailbox?.uid,
        },
      },
    },
  });
  await emitEvent(tx, sink, communication, 'Communication', 'created', { kind: 'EMAIL', direction: email.direction, source: email.source });
  return { communicationId: communication.id, created: true };
}
