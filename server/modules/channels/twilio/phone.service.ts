// SMS and calls through Twilio, recorded as communications: sent from a record, received by webhook,
// with opt-outs (STOP) honoured and kept per number and contact.
import { GraphQLError } from 'graphql';
import type { Context } from '../../../context.js';
import { badInput } from '../../../errors.js';
import type { Prisma, PrismaClient } from '../../../generated/prisma/client.js';
import { requireViewer } from '../../accounts/session.service.js';
import { emitEvent, type EventSink } from '../../activity-events/record-event.js';
import { idFromGlobalId } from '../../node/uuid.js';
import { assertVisibleLinks, linkColumns } from '../../records/record-links.js';
import { normalizePhone } from '../../records/normalize.js';
import { phoneCountryFor } from '../../workspaces/phone-country.js';
import { notConfigured } from '../secrets/sealed-secret.js';
import { twilioClient, twilioFailure } from './twilio-client.js';
import { recordAccess } from '../../../auth/record-access.js';
import type { RecordAccess } from '../../../auth/record-rules.js';
import { visibleWhere } from '../../../auth/record-where.js';

type Tx = Prisma.TransactionClient;

/** Twilio's own opt-out and opt-in keywords (it blocks the number itself too; Kith records and honours them). */
export const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);
export const OPT_IN = new Set(['START', 'UNSTOP', 'YES']);

const providerFailed = (message: string) => new GraphQLError(message, { extensions: { code: 'SEND_FAILED' } });

export interface PhoneTarget {
  to?: string | null;
  contactId?: string | null;
  companyId?: string | null;
  dealId?: string | null;
}

/** Contacts of the workspace with this number (only those the viewer sees, when given). */
export async function contactsByPhone(tx: Tx | PrismaClient, workspaceId: string, phone: string, access?: RecordAccess) {
  const rows = await tx.contactPhone.findMany({
    where: { workspaceId, e164: phone, contact: { deletedAt: null, ...(access ? visibleWhere(access) : {}) } },
    select: { contactId: true },
  });
  return [...new Set(rows.map((r) => r.contactId))];
}

async function workspaceNumber(context: Context, workspaceId: string) {
  const settings = await context.prisma.channelSettings.findUnique({ where: { workspaceId } });
  if (!settings?.twilioNumber) throw notConfigured('The workspace has no Twilio number yet: an admin sets it in Settings → Phone.');
  return settings.twilioNumber;
}

/** The number to reach and the records it belongs to: the given number, or the linked contact's first. */
async function resolveTarget(context: Context, workspaceId: string, access: RecordAccess, target: PhoneTarget) {
  const links = await linkColumns(context.prisma, access, { companyId: target.companyId, dealId: target.dealId });
  const contactId = target.contactId ? idFromGlobalId(target.contactId, 'Contact') : null;
  if (contactId) await assertVisibleLinks(context.prisma, access, 'contact', [contactId], 'input.contactId');
  let to: string | null = null;
  if (target.to?.trim()) {
    to = normalizePhone(target.to, await phoneCountryFor(context.prisma, workspaceId, null, true), 'input.to');
  } else if (contactId) {
    const phone = await context.prisma.contactPhone.findFirst({ where: { contactId }, orderBy: [{ isPrimary: 'desc' }, { id: 'asc' }] });
    to = phone?.e164 ?? null;
  }
  if (!to) throw badInput('Give a phone number, or a contact that has one.', 'input.to');
  const contactIds = [...new Set([...(contactId ? [contactId] : []), ...(await contactsByPhone(context.prisma, workspaceId, to, access))])];
  return { to, contactIds, ...links };
}

async function recordPhone(
  tx: Tx,
  sink: EventSink & Partial<Pick<Context, 'viewer'>>,
  data: {
    workspaceId: string;
    kind: 'SMS' | 'CALL';
    direction: 'INBOUND' | 'OUTBOUND';
    from: string;
    to: string;
    body?: string | null;
    ownerId: string | null;
    contactIds: string[];
    companyId?: string | null;
    dealId?: string | null;
    sid: string;
    status: string;
    outcome?: string | null;
  },
) {
  const row = await tx.communication.create({
    data: {
      workspaceId: data.workspaceId,
      kind: data.kind,
      direction: data.direction,
      fromAddress: data.from,
      toAddresses: [data.to],
      body: data.body ?? null,
      outcome: data.outcome ?? null,
      occurredAt: new Date(),
      ownerId: data.ownerId,
      createdById: data.ownerId,
      companyId: data.companyId ?? null,
      dealId: data.dealId ?? null,
      contacts: { create: data.contactIds.map((contactId) => ({ contactId })) },
      phoneEvent: { create: { workspaceId: data.workspaceId, providerSid: data.sid, status: data.status } },
    },
  });
  return emitEvent(tx, sink, row, 'Communication', 'created', { kind: data.kind, direction: data.direction, source: 'TWILIO' });
}

export async function sendSms(context: Context, workspaceId: string, input: PhoneTarget & { body: string }) {
  const viewer = requireViewer(context);
  const client = await twilioClient(context.app.config.channels);
  const access = await recordAccess(context, workspaceId);
  const body = input.body.trim();
  if (!body) throw badInput('The message is empty.', 'input.body');
  const from = await workspaceNumber(context, workspaceId);
  const target = await resolveTarget(context, workspaceId, access, input);
  const optedOut = await context.prisma.phoneOptOut.findUnique({ where: { workspaceId_phone: { workspaceId, phone: target.to } } });
  if (optedOut)
    throw new GraphQLError(`${target.to} replied ${optedOut.keyword} and receives no more SMS until it texts START.`, {
      extensions: { code: 'OPTED_OUT', field: 'input.to' },
    });
  let message;
  try {
    message = await client.messages.create({ from, to: target.to, body, statusCallback: `${context.app.config.publicUrl}/twilio/status` });
  } catch (error) {
    throw providerFailed(`The SMS was not sent: ${twilioFailure(error)}.`);
  }
  return context.prisma.$transaction((tx) =>
    recordPhone(tx, context, {
      workspaceId,
      kind: 'SMS',
      direction: 'OUTBOUND',
      from,
      to: target.to,
      body,
      ownerId: viewer.user.id,
      contactIds: target.contactIds,
      companyId: target.companyId,
      dealId: target.dealId,
      sid: message.sid,
      status: message.status ?? 'queued',
    }),
  );
}

const xmlEscape = (value: string) => value.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Click-to-call: Twilio calls the member's own phone first, then, once they answer, dials the contact with
 * the workspace number as caller ID. Status and duration arrive by callback and complete the call record.
 */
export async function placeCall(context: Context, workspaceId: string, input: PhoneTarget & { myPhone: string; record?: boolean | null }) {
  const viewer = requireViewer(context);
  const client = await twilioClient(context.app.config.channels);
  const access = await recordAccess(context, workspaceId);
  const from = await workspaceNumber(context, workspaceId);
  const target = await resolveTarget(context, workspaceId, access, input);
  const myPhone = normalizePhone(input.myPhone, await phoneCountryFor(context.prisma, workspaceId, null, true), 'input.myPhone');
  const base = context.app.config.publicUrl;
  const recording = input.record ? ` record="record-from-answer-dual" recordingStatusCallback="${xmlEscape(`${base}/twilio/recording`)}"` : '';
  let call;
  try {
    call = await client.calls.create({
      to: myPhone,
      from,
      twiml: `<Response><Dial callerId="${xmlEscape(from)}"${recording}><Number>${xmlEscape(target.to)}</Number></Dial></Response>`,
      statusCallback: `${base}/twilio/call-status`,
      statusCallbackEvent: ['completed'],
    });
  } catch (error) {
    throw providerFailed(`The call was not placed: ${twilioFailure(error)}.`);
  }
  return context.prisma.$transaction((tx) =>
    recordPhone(tx, context, {
      workspaceId,
      kind: 'CALL',
      direction: 'OUTBOUND',
      from,
      to: target.to,
      ownerId: viewer.user.id,
      contactIds: target.contactIds,
      companyId: target.companyId,
      dealId: target.dealId,
      sid: call.sid,
      status: call.status ?? 'queued',
      outcome: 'initiated',
    }),
  );
}

export async function setTwilioNumber(context: Context, workspaceId: string, number: string | null) {
  const phone = number?.trim() ? normalizePhone(number, await phoneCountryFor(context.prisma, workspaceId, null, true), 'number') : null;
  const taken = phone ? await context.prisma.channelSettings.findUnique({ where: { twilioNumber: phone } }) : null;
  if (taken && taken.workspaceId !== workspaceId) throw badInput('Another workspace on this server uses that number.', 'number');
  await context.prisma.$transaction(async (tx) => {
    await tx.channelSettings.upsert({ where: { workspaceId }, create: { workspaceId, twilioNumber: phone }, update: { twilioNumber: phone } });
    await emitEvent(tx, context, { id: workspaceId, workspaceId }, 'Workspace', 'channel_settings_changed', { twilioNumber: phone != null });
  });
  return phone;
}
