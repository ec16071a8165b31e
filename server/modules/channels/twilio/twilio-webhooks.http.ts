// Twilio's webhooks, POST /twilio/<sms | status | call-status | recording>: 404 while Twilio is off; every
// request must carry a valid X-Twilio-Signature over its public URL (webhook-url.ts) and its form parameters (403
// otherwise, and a caller failing too often is held back). No cookie is read: the signature is the only
// credential, so there is nothing for cross-site requests to ride on.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { AppServices } from '../../../app-services.js';
import type { Prisma } from '../../../generated/prisma/client.js';
import { readBody } from '../../../http/read-body.js';
import { clientIp } from '../../../http/request-context.js';
import { publishPending } from '../../activity-events/publish.js';
import { emitEvent } from '../../activity-events/record-event.js';
import { contactsByPhone, OPT_IN, OPT_OUT } from './phone.service.js';
import { twilioSdk } from './twilio-client.js';
import { signedWebhookUrls } from './webhook-url.js';

const MAX_BODY_BYTES = 64 * 1024;
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
const failedSignatures = new RateLimiterMemory({ points: 20, duration: 60, keyPrefix: 'twilio-signature' });

type Params = Record<string, string>;
type Tx = Prisma.TransactionClient;

function reply(res: ServerResponse, status: number, body = EMPTY_TWIML) {
  res.writeHead(status, { 'Content-Type': status === 200 ? 'text/xml' : 'text/plain', 'Cache-Control': 'no-store' }).end(status === 200 ? body : '');
}

export async function handleTwilioWebhook(app: AppServices, req: IncomingMessage, res: ServerResponse, route: string) {
  const settings = app.config.channels.twilio;
  if (!settings || !['sms', 'status', 'call-status', 'recording'].includes(route)) return reply(res, 404);
  if (req.method !== 'POST') return reply(res, 405);
  const ip = clientIp(app, { req });
  if ((await failedSignatures.get(ip))?.remainingPoints === 0) return reply(res, 429);
  const body = await readBody(req, MAX_BODY_BYTES);
  if (!body) return reply(res, 413);
  const params: Params = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
  const signature = req.headers['x-twilio-signature'];
  const signedUrls = signedWebhookUrls(app.config, req);
  const twilio = await twilioSdk();
  if (typeof signature !== 'string' || !signedUrls.some((url) => twilio.validateRequest(settings.authToken, signature, url, params))) {
    await failedSignatures.consume(ip).catch(() => {});
    return reply(res, 403);
  }
  const sink = {};
  try {
    await app.db.prisma.$transaction((tx) => (route === 'sms' ? inboundSms(tx, sink, params) : providerUpdate(tx, sink, route, params)));
  } finally {
    await publishPending(app, sink);
  }
  reply(res, 200);
}

/** An SMS to a workspace's number: on the timeline, and STOP / START kept for the number and its contact. */
async function inboundSms(tx: Tx, sink: object, params: Params) {
  const settings = params.To
    ? await tx.channelSettings.findUnique({ where: { twilioNumber: params.To }, include: { workspace: { select: { closedAt: true } } } })
    : null;
  if (!settings || settings.workspace.closedAt || !params.From || !params.MessageSid) return;
  if (await tx.phoneEvent.findUnique({ where: { providerSid: params.MessageSid } })) return; // Twilio retried
  const { workspaceId } = settings;
  const contactIds = await contactsByPhone(tx, workspaceId, params.From);
  const keyword = (params.Body ?? '').trim().toUpperCase();
  if (OPT_OUT.has(keyword)) {
    await tx.phoneOptOut.upsert({
      where: { workspaceId_phone: { workspaceId, phone: params.From } },
      create: { workspaceId, phone: params.From, keyword, contactId: contactIds[0] ?? null },
      update: { keyword, contactId: contactIds[0] ?? null, optedOutAt: new Date() },
    });
  } else if (OPT_IN.has(keyword)) {
    await tx.phoneOptOut.deleteMany({ where: { workspaceId, phone: params.From } });
  }
  const row = await tx.communication.create({
    data: {
      workspaceId,
      kind: 'SMS',
      direction: 'INBOUND',
      fromAddress: params.From,
      toAddresses: [params.To!],
      body: (params.Body ?? '').slice(0, 2000) || null,
      occurredAt: new Date(),
      contacts: { create: contactIds.map((contactId) => ({ contactId })) },
      phoneEvent: { create: { workspaceId, providerSid: params.MessageSid, status: params.SmsStatus ?? 'received' } },
    },
  });
  await emitEvent(tx, sink, row, 'Communication', 'created', {
    kind: 'SMS',
    direction: 'INBOUND',
    source: 'TWILIO',
    ...(OPT_OUT.has(keyword) ? { optOut: keyword } : {}),
  });
}

const toInt = (value: string | undefined) => (value && /^\d{1,9}$/.test(value) ? Number(value) : null);

/** Delivery status of an SMS, status and duration of a call, or its recording: onto the record Kith made. */
async function providerUpdate(tx: Tx, sink: object, route: string, params: Params) {
  const sid = route === 'status' ? params.MessageSid : params.CallSid;
  const event = sid ? await tx.phoneEvent.findUnique({ where: { providerSid: sid }, include: { communication: true } }) : null;
  if (!event) return;
  if (route === 'recording') {
    await tx.phoneEvent.update({
      where: { id: event.id },
      data: { recordingUrl: params.RecordingUrl?.slice(0, 1000) ?? null, recordingSeconds: toInt(params.RecordingDuration) },
    });
    await emitEvent(tx, sink, event.communication, 'Communication', 'updated', { fields: ['recording'] });
    return;
  }
  const status = (route === 'status' ? params.MessageStatus : params.CallStatus)?.slice(0, 40);
  if (!status) return;
  await tx.phoneEvent.update({ where: { id: event.id }, data: { status } });
  if (route === 'call-status') {
    await tx.communication.update({
      where: { id: event.communicationId },
      data: { outcome: status, durationSeconds: toInt(params.CallDuration) ?? event.communication.durationSeconds },
    });
  }
  await emitEvent(tx, sink, event.communication, 'Communication', 'updated', {
    fields: route === 'call-status' ? ['durationSeconds', 'outcome'] : ['status'],
    status,
  });
}
