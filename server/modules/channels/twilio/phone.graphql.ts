import { builder } from '../../../builder.js';
import { inWorkspace } from '../../../auth/field-scopes.js';
import { selectedRow } from '../../../db/delegate.js';
import { shortText, linkIdFields } from '../../records/common.types.js';
import { ContactRef } from '../../records/record-links.js';
import { requireWorkspaceId } from '../../workspaces/workspace.service.js';
import { placeCall, sendSms, setTwilioNumber } from './phone.service.js';

interface PhoneChannelShape {
  workspaceId: string;
  enabled: boolean;
}

const PhoneChannel = builder.objectRef<PhoneChannelShape>('PhoneChannel').implement({
  description: 'SMS and calls through Twilio.',
  authScopes: (shape) => ({ can: { workspaceId: shape.workspaceId, permission: 'records:read' } }),
  fields: (t) => ({
    enabled: t.boolean({ description: 'False until the server has TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.', resolve: (shape) => shape.enabled }),
    number: t.string({
      nullable: true,
      description: "The workspace's Twilio number (E.164), which sends and receives.",
      resolve: async (shape, _args, ctx) =>
        shape.enabled ? ((await ctx.prisma.channelSettings.findUnique({ where: { workspaceId: shape.workspaceId } }))?.twilioNumber ?? null) : null,
    }),
  }),
});

const phoneChannel = (workspaceId: string, enabled: boolean): PhoneChannelShape => ({ workspaceId, enabled });

const SendSmsInput = builder.inputType('SendSmsInput', {
  fields: (t) => ({
    to: t.string({ required: false, description: "A phone number; defaults to the contact's first.", validate: shortText('Number', 40) }),
    ...linkIdFields(t),
    body: t.string({ validate: shortText('Message', 1600) }),
  }),
});

const PlaceCallInput = builder.inputType('PlaceCallInput', {
  fields: (t) => ({
    to: t.string({ required: false, description: "The number to call; defaults to the contact's first.", validate: shortText('Number', 40) }),
    ...linkIdFields(t),
    myPhone: t.string({ description: 'Your phone, which Twilio rings first.', validate: shortText('Your number', 40) }),
    record: t.boolean({ required: false, description: 'Record the call (tell the other side; the law may require their consent).' }),
  }),
});

builder.queryField('phoneChannel', (t) =>
  t.field({
    type: PhoneChannel,
    args: { workspaceId: t.arg.id({ required: false }) },
    authScopes: inWorkspace('records:read'),
    resolve: (_root, args, ctx) => phoneChannel(requireWorkspaceId(ctx, args.workspaceId), ctx.app.config.channels.twilio != null),
  }),
);

builder.mutationFields((t) => ({
  setTwilioNumber: t.field({
    type: PhoneChannel,
    description: "The workspace's Twilio number; point its messaging and voice webhooks at this server (docs/channels.md). Null clears it.",
    args: { workspaceId: t.arg.id({ required: false }), number: t.arg.string({ required: false, validate: shortText('Number', 40) }) },
    authScopes: inWorkspace('channels:manage'),
    resolve: async (_root, args, ctx) => {
      const workspaceId = requireWorkspaceId(ctx, args.workspaceId);
      await setTwilioNumber(ctx, workspaceId, args.number ?? null);
      return phoneChannel(workspaceId, ctx.app.config.channels.twilio != null);
    },
  }),
  sendSms: t.prismaField({
    type: 'Communication',
    description: "Sends an SMS from the workspace's Twilio number and records it. Numbers that texted STOP are refused (OPTED_OUT).",
    args: { workspaceId: t.arg.id({ required: false }), input: t.arg({ type: SendSmsInput }) },
    authScopes: inWorkspace('channels:send'),
    resolve: async (query, _root, args, ctx) =>
      selectedRow(ctx, 'communication', query, await sendSms(ctx, requireWorkspaceId(ctx, args.workspaceId), args.input)),
  }),
  placeCall: t.prismaField({
    type: 'Communication',
    description:
      'Click-to-call: Twilio rings your phone, then connects you to the contact. The call record fills in its status and duration when the call ends.',
    args: { workspaceId: t.arg.id({ required: false }), input: t.arg({ type: PlaceCallInput }) },
    authScopes: inWorkspace('channels:send'),
    resolve: async (query, _root, args, ctx) =>
      selectedRow(ctx, 'communication', query, await placeCall(ctx, requireWorkspaceId(ctx, args.workspaceId), args.input)),
  }),
}));

const SmsOptOut = builder.prismaObject('PhoneOptOut', {
  name: 'SmsOptOut',
  authScopes: (row) => ({ can: { workspaceId: row.workspaceId, permission: 'records:read' } }),
  fields: (t) => ({
    phone: t.exposeString('phone'),
    keyword: t.exposeString('keyword', { description: 'What they texted: STOP, UNSUBSCRIBE, ...' }),
    optedOutAt: t.expose('optedOutAt', { type: 'DateTime' }),
  }),
});

builder.objectField(ContactRef, 'smsOptOuts', (t) =>
  t.field({
    type: [SmsOptOut],
    description: 'Numbers of this contact that opted out of SMS (texted STOP); none are sent to until they text START.',
    resolve: (parent, _args, ctx) => {
      const contact = parent as { id: string; workspaceId: string };
      return ctx.prisma.phoneOptOut.findMany({ where: { workspaceId: contact.workspaceId, contactId: contact.id } });
    },
  }),
);

const PhoneEventType = builder.prismaObject('PhoneEvent', {
  authScopes: (row) => ({ seesRecord: { model: 'communication', id: row.communicationId, workspaceId: row.workspaceId } }),
  fields: (f) => ({
    providerSid: f.exposeString('providerSid', { description: "Twilio's SID of the message or call." }),
    status: f.exposeString('status', { description: "Twilio's status: queued, sent, delivered, failed, completed, no-answer, busy, ..." }),
    recordingUrl: f.exposeString('recordingUrl', { nullable: true }),
    recordingSeconds: f.exposeInt('recordingSeconds', { nullable: true }),
  }),
});

builder.prismaObjectField('Communication', 'phone', (t) =>
  t.relation('phoneEvent', { type: PhoneEventType, nullable: true, description: 'For SMS and calls through Twilio.' }),
);
