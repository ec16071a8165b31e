// Mail that arrived at a forwarding/BCC address, parsed, becoming an email record: matched to contacts by
// address, threaded by its headers, its attachments stored as files, its HTML sanitised.
import { randomUUID } from 'node:crypto';
import type { AddressObject, ParsedMail } from 'mailparser';
import type { AppServices } from '../../../app-services.js';
import { Prisma } from '../../../generated/prisma/client.js';
import { publishPending } from '../../activity-events/publish.js';
import { emitEvent } from '../../activity-events/record-event.js';
import { recordEmail, stripBrackets } from '../email/email-record.js';
import { contactsByAddress } from '../email/participants.js';
import { dropStored, recordAttachments, storeAttachments } from './attachments.js';
import { sanitizeEmailHtml } from './sanitize.js';

export interface InboundRecipient {
  workspaceId: string;
  /** A member's personal address: the mail is theirs. */
  userId: string | null;
}

const MAX_BODY_CHARS = 100_000;

function addressesOf(field: AddressObject | AddressObject[] | undefined): Array<{ address: string; name: string }> {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list
    .flatMap((group) => group.value.flatMap((entry) => (entry.group ? entry.group : [entry])))
    .filter((entry) => entry.address && /^[^@\s]+@[^@\s]+$/.test(entry.address))
    .map((entry) => ({ address: entry.address!.toLowerCase(), name: entry.name ?? '' }));
}

function referencesOf(parsed: ParsedMail): string[] {
  const raw = parsed.references;
  const list = Array.isArray(raw) ? raw : raw ? raw.split(/\s+/) : [];
  return list.map(stripBrackets).filter(Boolean);
}

function splitName(display: string, address: string) {
  const words = display.replace(/["']/g, '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { firstName: address.split('@')[0]!.slice(0, 100), lastName: '' };
  return { firstName: words[0]!.slice(0, 100), lastName: words.slice(1).join(' ').slice(0, 100) };
}

/**
 * Stores one parsed message for the recipient. Mail from a member (they BCC'd or forwarded their own) is
 * OUTBOUND and theirs; anything else is INBOUND, owned by the member whose personal address it reached.
 * Returns the communication ID and whether it is new (a Message-ID seen before is kept once).
 */
export async function storeInboundMail(app: AppServices, recipient: InboundRecipient, parsed: ParsedMail) {
  const prisma = app.db.prisma;
  const { workspaceId } = recipient;
  const from = addressesOf(parsed.from)[0] ?? null;
  const to = addressesOf(parsed.to).map((a) => a.address);
  const cc = addressesOf(parsed.cc).map((a) => a.address);
  const members = await prisma.membership.findMany({ where: { workspaceId }, select: { userId: true, user: { select: { email: true } } } });
  const memberByEmail = new Map(members.map((m) => [m.user.email.toLowerCase(), m.userId]));
  const senderMember = from ? memberByEmail.get(from.address) : undefined;
  const direction = senderMember ? 'OUTBOUND' : 'INBOUND';
  const ownerId = senderMember ?? recipient.userId;
  const external = [from?.address, ...to, ...cc].filter((a): a is string => !!a && !memberByEmail.has(a) && !/^bcc\+/i.test(a));

  const settings = await prisma.channelSettings.findUnique({ where: { workspaceId } });
  const { kept, skipped } = await storeAttachments(app, workspaceId, parsed.attachments ?? []);
  const text = (parsed.text ?? '').slice(0, MAX_BODY_CHARS);
  const note = skipped.length ? `\n\n[Attachments not kept (type or size not accepted): ${skipped.join(', ')}]` : '';
  const sink = {};
  try {
    const result = await prisma.$transaction(async (tx) => {
      const contactIds = await contactsByAddress(tx, workspaceId, external);
      if (direction === 'INBOUND' && from && contactIds.length === 0 && settings?.createUnknownContacts) {
        const contact = await tx.contact.create({
          data: {
            workspaceId,
            ...splitName(from.name, from.address),
            source: 'email',
            ownerId,
            createdById: null,
            emails: { create: [{ workspaceId, email: from.address, isPrimary: true }] },
          },
        });
        await emitEvent(tx, sink, contact, 'Contact', 'created', { source: 'email' });
        contactIds.push(contact.id);
      }
      const stored = await recordEmail(tx, sink, {
        workspaceId,
        direction,
        from: from?.address ?? null,
        to,
        cc,
        subject: parsed.subject?.slice(0, 998) ?? null,
        text: text + note || null,
        html: parsed.html ? sanitizeEmailHtml(parsed.html).slice(0, 5 * MAX_BODY_CHARS) : null,
        messageId: parsed.messageId ? stripBrackets(parsed.messageId).slice(0, 995) : `${randomUUID()}@kith.invalid`,
        inReplyTo: parsed.inReplyTo ? stripBrackets(parsed.inReplyTo) : null,
        references: referencesOf(parsed),
        occurredAt: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : new Date(),
        ownerId,
        createdById: null,
        source: 'FORWARDED',
        privacy: 'FULL',
        contactIds,
      });
      if (stored.created) await recordAttachments(tx, workspaceId, stored.communicationId, ownerId, kept);
      return stored;
    });
    if (!result.created) await dropStored(app, kept);
    return result;
  } catch (error) {
    await dropStored(app, kept);
    // The same Message-ID stored meanwhile by another delivery: kept once.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return { communicationId: null, created: false };
    throw error;
  } finally {
    await publishPending(app, sink);
  }
}
