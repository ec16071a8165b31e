import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KithServer } from '../../../http/server.js';
import { createKithServer } from '../../../http/server.js';
import { rolesFixture, type RolesFixture } from '../../../test/fixtures.js';
import { errorCodes, TestApp, useTestApp } from '../../../test/test-app.js';
import { testChannels } from '../test/channels-config.js';
import { contactWithEmail } from '../test/people.js';
import { signedWebhook, startTwilioServer } from '../test/twilio-server.js';

const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'twilio-auth-token-for-tests';
const NUMBER = '+14155550100';
const twilioApi = await startTwilioServer(SID);
afterAll(() => twilioApi.close());

const getApp = useTestApp({ config: { channels: testChannels({ twilio: { accountSid: SID, authToken: TOKEN, apiUrl: twilioApi.url } }) } });
let f: RolesFixture;
let server: KithServer;
let base: string;

beforeEach(async () => {
  twilioApi.requests.length = 0;
  f = await rolesFixture(getApp());
  await f.clients.ADMIN.ok(`mutation { setTwilioNumber(number: "${NUMBER}") { enabled number } }`);
  server = createKithServer(getApp().services);
  base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
});
afterEach(() => server.close());

/** Posts a webhook signed for PUBLIC_URL (http://localhost:4000), as Twilio would call it there. */
const webhook = (path: string, params: Record<string, string>, token = TOKEN) => {
  const request = signedWebhook(token, getApp().services.config.publicUrl, path, params);
  return fetch(`${base}${path}`, request);
};

const SEND = `mutation($input: SendSmsInput!) { sendSms(input: $input) { id kind direction fromAddress toAddresses body contacts { id } phone { providerSid status } } }`;
const ADA = '+14155550132';

describe('SMS', () => {
  it('sends through the Twilio SDK from the workspace number, recorded on the contact', async () => {
    const ada = await contactWithEmail(getApp(), f, 'ada@example.com', { phone: ADA });
    const sent = (await f.clients.MEMBER.ok(SEND, { input: { contactId: ada.gid, body: 'Your quote is ready.' } })).sendSms;

    expect(twilioApi.requests).toHaveLength(1);
    const [request] = twilioApi.requests;
    expect(request!.path).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(request!.authorization).toBe(`Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`);
    expect(request!.params).toEqual({ From: NUMBER, To: ADA, Body: 'Your quote is ready.', StatusCallback: 'http://localhost:4000/twilio/status' });
    expect(sent).toMatchObject({
      kind: 'SMS',
      direction: 'OUTBOUND',
      fromAddress: NUMBER,
      toAddresses: [ADA],
      body: 'Your quote is ready.',
      contacts: [{ id: ada.gid }],
      phone: { providerSid: expect.stringMatching(/^SM/), status: 'queued' },
    });

    const status = await webhook('/twilio/status', { MessageSid: sent.phone.providerSid, MessageStatus: 'delivered', AccountSid: SID });
    expect(status.status).toBe(200);
    expect((await getApp().prisma.phoneEvent.findFirstOrThrow()).status).toBe('delivered');
  });

  it('receives an SMS by signed webhook, and refuses a forged one', async () => {
    const ada = await contactWithEmail(getApp(), f, 'ada@example.com', { phone: ADA });
    const params = {
      MessageSid: 'SM00000000000000000000000000000001',
      AccountSid: SID,
      From: ADA,
      To: NUMBER,
      Body: 'Can we talk tomorrow?',
      SmsStatus: 'received',
    };

    const forged = await webhook('/twilio/sms', params, 'not-the-token');
    expect(forged.status).toBe(403);
    const unsigned = await fetch(`${base}/twilio/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
    });
    expect(unsigned.status).toBe(403);
    // A valid signature over other parameters does not carry over to changed ones.
    const tampered = signedWebhook(TOKEN, 'http://localhost:4000', '/twilio/sms', params);
    const altered = await fetch(`${base}/twilio/sms`, { ...tampered, body: new URLSearchParams({ ...params, Body: 'Send money' }).toString() });
    expect(altered.status).toBe(403);
    expect(await getApp().prisma.communication.count()).toBe(0);

    const ok = await webhook('/twilio/sms', params);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/xml');
    await webhook('/twilio/sms', params); // Twilio retries: kept once
    const data = await f.clients.MEMBER.ok(`{ communications { edges { node { kind direction fromAddress body contacts { id } } } } }`);
    expect(data.communications.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { kind: 'SMS', direction: 'INBOUND', fromAddress: ADA, body: 'Can we talk tomorrow?', contacts: [{ id: ada.gid }] },
    ]);
  });

  it('records STOP on the contact and refuses to text them until START', async () => {
    const ada = await contactWithEmail(getApp(), f, 'ada@example.com', { phone: ADA });
    await webhook('/twilio/sms', { MessageSid: 'SM00000000000000000000000000000002', From: ADA, To: NUMBER, Body: ' stop ' });
    const contact = await f.clients.MEMBER.ok(`query($id: ID!) { contact(id: $id) { smsOptOuts { phone keyword } } }`, { id: ada.gid });
    expect(contact.contact.smsOptOuts).toEqual([{ phone: ADA, keyword: 'STOP' }]);

    const refused = await f.clients.MEMBER.gql(SEND, { input: { contactId: ada.gid, body: 'Still there?' } });
    expect(errorCodes(refused)).toEqual(['OPTED_OUT']);
    expect(twilioApi.requests).toEqual([]);

    await webhook('/twilio/sms', { MessageSid: 'SM00000000000000000000000000000003', From: ADA, To: NUMBER, Body: 'START' });
    await f.clients.MEMBER.ok(SEND, { input: { contactId: ada.gid, body: 'Welcome back.' } });
    expect(twilioApi.requests).toHaveLength(1);
  });

  it("reports Twilio's refusal as SEND_FAILED and records nothing", async () => {
    twilioApi.failNext({ status: 400, code: 21211, message: "The 'To' number is not a valid phone number." });
    const result = await f.clients.MEMBER.gql(SEND, { input: { to: '+14155550199', body: 'Hi' } });
    expect(errorCodes(result)).toEqual(['SEND_FAILED']);
    expect(result.errors![0]!.message).toContain('21211');
    expect(result.errors![0]!.message).not.toContain(TOKEN);
    expect(await getApp().prisma.communication.count()).toBe(0);
  });
});

describe('click-to-call', () => {
  it('rings the member, then dials the contact; status, duration and recording callbacks complete the call record', async () => {
    const ada = await contactWithEmail(getApp(), f, 'ada@example.com', { phone: ADA });
    const placed = (
      await f.clients.MEMBER.ok(
        `mutation($input: PlaceCallInput!) { placeCall(input: $input) { id kind outcome durationSeconds phone { providerSid status } } }`,
        {
          input: { contactId: ada.gid, myPhone: '+1 415 555 0177', record: true },
        },
      )
    ).placeCall;
    const [request] = twilioApi.requests;
    expect(request!.path).toBe(`/2010-04-01/Accounts/${SID}/Calls.json`);
    expect(request!.params).toMatchObject({
      To: '+14155550177',
      From: NUMBER,
      StatusCallback: 'http://localhost:4000/twilio/call-status',
      StatusCallbackEvent: 'completed',
    });
    expect(request!.params.Twiml).toBe(
      `<Response><Dial callerId="${NUMBER}" record="record-from-answer-dual" recordingStatusCallback="http://localhost:4000/twilio/recording"><Number>${ADA}</Number></Dial></Response>`,
    );
    expect(placed).toMatchObject({ kind: 'CALL', outcome: 'initiated', durationSeconds: null });

    const sid = placed.phone.providerSid;
    expect((await webhook('/twilio/call-status', { CallSid: sid, CallStatus: 'completed', CallDuration: '95' })).status).toBe(200);
    expect(
      (
        await webhook('/twilio/recording', {
          CallSid: sid,
          RecordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC/Recordings/RE1',
          RecordingDuration: '90',
        })
      ).status,
    ).toBe(200);
    const call = await f.clients.MEMBER.ok(
      `query($id: ID!) { communication(id: $id) { outcome durationSeconds contacts { id } phone { status recordingUrl recordingSeconds } } }`,
      { id: placed.id },
    );
    expect(call.communication).toEqual({
      outcome: 'completed',
      durationSeconds: 95,
      contacts: [{ id: ada.gid }],
      phone: { status: 'completed', recordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC/Recordings/RE1', recordingSeconds: 90 },
    });
  });
});

describe('when Twilio is not configured', () => {
  it('is off: mutations answer NOT_CONFIGURED, the webhook routes 404, the channel reads disabled', async () => {
    const app = new TestApp(getApp().db, { config: { channels: testChannels() } });
    const client = app.client();
    client.cookie = f.clients.MEMBER.cookie;
    client.workspaceId = f.clients.MEMBER.workspaceId;
    expect(errorCodes(await client.gql(SEND, { input: { to: ADA, body: 'Hi' } }))).toEqual(['NOT_CONFIGURED']);
    expect(await client.ok(`{ phoneChannel { enabled number } }`)).toEqual({ phoneChannel: { enabled: false, number: null } });
    const off = createKithServer(app.services);
    const port = await off.listen(0, '127.0.0.1');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/twilio/sms`, signedWebhook(TOKEN, 'http://localhost:4000', '/twilio/sms', { From: ADA }));
      expect(response.status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
