// One email as Kith keeps it: a Communication (the timeline record, with the usual visibility and private
// body rules) plus its EmailMessage (headers for threading, sanitised HTML). Sent, forwarded and synced mail
// all go through here, so threading and deduplication are one rule.
import type { MailboxPrivacy, Prisma } from '../../../generated/prisma/client.js';
import { emitEvent, uuidv7, type EventSink } from '../../activity-events/record-event.js';
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

/** The oldest-to-newest IDs an email names as its ancestors: References, then In-Reply-To. */
const ancestorsOf = (email: Pick<EmailToRecord, 'inReplyTo' | 'references'>) => [...email.references, ...(email.inReplyTo ? [email.inReplyTo] : [])];

interface Parent {
  threadId: string;
  companyId: string | null;
  dealId: string | null;
}

/**
 * The thread an email belongs to: the thread of the nearest message it answers that Kith knows, else the
 * first message named in References (the root, by RFC 5322), else itself. A reply that arrives before its
 * root still lands in the root's thread.
 */
function threadOf(email: EmailToRecord, known: Map<string, Parent>): Parent {
  const nearest = ancestorsOf(email)
    .reverse()
    .map((id) => known.get(id))
    .find((p) => p != null);
  return nearest ?? { threadId: email.references[0] ?? email.inReplyTo ?? email.messageId, companyId: null, dealId: null };
}

/** Up to this many new emails at once get an activity event each; a bigger import (a first sync) gets one. */
const EVENTS_PER_EMAIL_UP_TO = 10;

/**
 * Writes the emails the workspace does not have yet (by Message-ID: a message BCC'd and synced, or synced
 * again after a restart, is kept once), in a few statements however many there are. Returns, in order, each
 * email's communication ID and whether it is new.
 */
export async function recordEmails(tx: Tx, sink: EventSink & Partial<Pick<Context, 'viewer'>>, emails: EmailToRecord[]) {
  if (emails.length === 0) return [];
  const workspaceId = emails[0]!.workspaceId;
  const named = [...new Set(emails.flatMap((email) => [email.messageId, ...ancestorsOf(email)]))];
  const stored = await tx.emailMessage.findMany({
    where: { workspaceId, messageId: { in: named } },
    select: { messageId: true, threadId: true, communicationId: true, communication: { select: { companyId: true, dealId: true } } },
  });
  const known = new Map<string, Parent>(stored.map((m) => [m.messageId, { threadId: m.threadId, ...m.communication }]));
  const existing = new Map(stored.map((m) => [m.messageId, m.communicationId]));

  const results: Array<{ communicationId: string; created: boolean }> = [];
  const communications: Prisma.CommunicationCreateManyInput[] = [];
  const messages: Prisma.EmailMessageCreateManyInput[] = [];
  const links: Prisma.CommunicationContactCreateManyInput[] = [];
  for (const email of emails) {
    const already = existing.get(email.messageId);
    if (already) {
      results.push({ communicationId: already, created: false });
      continue;
    }
    const id = uuidv7();
    const thread = threadOf(email, known);
    const metadataOnly = email.privacy === 'METADATA';
    communications.push({
      id,
      workspaceId,
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
    });
    messages.push({
      workspaceId,
      communicationId: id,
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
    });
    for (const contactId of new Set(email.contactIds)) links.push({ communicationId: id, contactId });
    // Later emails of the same batch may answer this one.
    known.set(email.messageId, { threadId: thread.threadId, companyId: email.companyId ?? thread.companyId, dealId: email.dealId ?? thread.dealId });
    existing.set(email.messageId, id);
    results.push({ communicationId: id, created: true });
  }
  if (communications.length === 0) return results;
  await tx.communication.createMany({ data: communications });
  await tx.emailMessage.createMany({ data: messages });
  if (links.length) await tx.communicationContact.createMany({ data: links });
  const first = emails[0]!;
  if (communications.length <= EVENTS_PER_EMAIL_UP_TO) {
    for (const row of communications) {
      await emitEvent(tx, sink, { id: row.id!, workspaceId }, 'Communication', 'created', { kind: 'EMAIL', direction: row.direction, source: first.source });
    }
  } else {
    await emitEvent(tx, sink, { id: first.mailbox?.id ?? communications[0]!.id!, workspaceId }, first.mailbox ? 'Mailbox' : 'Communication', 'imported', {
      kind: 'EMAIL',
      source: first.source,
      count: communications.length,
    });
  }
  return results;
}

/** One email: see recordEmails. */
export async function recordEmail(tx: Tx, sink: EventSink & Partial<Pick<Context, 'viewer'>>, email: EmailToRecord) {
  return (await recordEmails(tx, sink, [email]))[0]!;
}
