import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rolesFixture, type RolesFixture } from '../../../test/fixtures.js';
import { errorCodes, TestApp, useTestApp } from '../../../test/test-app.js';
import { companyRow } from '../../../test/record-fixtures.js';
import { resealCredentials } from '../secrets/rotate-keys.js';
import { newKey, testChannels } from '../test/channels-config.js';
import { contactWithEmail } from '../test/people.js';
import { startSmtpSink } from '../test/smtp-sink.js';

const channels = testChannels();
const getApp = useTestApp({ config: { channels } });
const PASSWORD = 'app-password-7f3a9c';
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let f: RolesFixture;

beforeAll(async () => {
  sink = await startSmtpSink({ user: 'member@example.com', pass: PASSWORD });
});
afterAll(() => sink.close());
beforeEach(async () => {
  sink.received.length = 0;
  f = await rolesFixture(getApp());
});

const SET_MINE = `mutation($input: SmtpAccountInput!) { setMySmtpAccount(input: $input) { host port username fromAddress fromName personal } }`;
const SEND = `mutation($input: SendEmailInput!) { sendEmail(input: $input) {
  id direction fromAddress toAddresses subject body contacts { id } company { id }
  email { messageId inReplyTo references threadId ccAddresses source }
} }`;

const account = (extra: Record<string, unknown> = {}) => ({
  host: '127.0.0.1',
  port: sink.port,
  username: 'member@example.com',
  password: PASSWORD,
  fromAddress: 'member@acme.test',
  fromName: 'Member Person',
  ...extra,
});

async function connectMine() {
  return f.clients.MEMBER.ok(SET_MINE, { input: account() });
}

describe('SMTP accounts', () => {
  it('stores a working account sealed and never returns or stores the password in clear', async () => {
    const saved = await connectMine();
    expect(saved.setMySmtpAccount).toEqual({
      host: '127.0.0.1',
      port: sink.port,
      username: 'member@example.com',
      fromAddress: 'member@acme.test',
      fromName: 'Member Person',
      personal: true,
    });
    const row = await getApp().prisma.smtpAccount.findFirstOrThrow();
    expect(row.passwordSealed).toMatch(/^v1\.k1\./);
    expect(row.passwordSealed).not.toContain(PASSWORD);
    expect(JSON.stringify(row)).not.toContain(PASSWORD);
    const schema = await f.clients.MEMBER.gql(`{ mySmtpAccount { password } }`);
    expect(errorCodes(schema)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('refuses an account whose password the server rejects, storing nothing', async () => {
    const result = await f.clients.MEMBER.gql(SET_MINE, { input: account({ password: 'wrong' }) });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toContain('refused the user name or password');
    expect(result.errors![0]!.message).not.toContain('wrong');
    expect(await getApp().prisma.smtpAccount.count()).toBe(0);
  });

  it('refuses loopback servers unless the server allows private hosts', async () => {
    const app = new TestApp(getApp().db, { config: { channels: { ...channels, allowPrivateHosts: false } } });
    const client = app.client();
    client.cookie = f.clients.MEMBER.cookie;
    client.workspaceId = f.clients.MEMBER.workspaceId;
    const result = await client.gql(SET_MINE, { input: account() });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(sink.received).toEqual([]);
  });

  it('is off without CHANNELS_SECRET_KEYS', async () => {
    const app = new TestApp(getApp().db, { config: { channels: { ...channels, secretKeys: [] } } });
    const client = app.client();
    client.cookie = f.clients.MEMBER.cookie;
    client.workspaceId = f.clients.MEMBER.workspaceId;
    expect(errorCodes(await client.gql(SET_MINE, { input: account() }))).toEqual(['NOT_CONFIGURED']);
  });

  it('keeps working after a key rotation, and the old key can then go', async () => {
    await connectMine();
    const k2 = newKey('k2');
    expect(await resealCredentials(getApp().prisma, [k2, ...channels.secretKeys])).toEqual({ resealed: 1 });
    expect((await getApp().prisma.smtpAccount.findFirstOrThrow()).passwordSealed).toMatch(/^v1\.k2\./);

    const rotated = new TestApp(getApp().db, { config: { channels: { ...channels, secretKeys: [k2] } } });
    const client = rotated.client();
    client.cookie = f.clients.MEMBER.cookie;
    client.workspaceId = f.clients.MEMBER.workspaceId;
    await client.ok(SEND, { input: { to: ['someone@example.net'], subject: 'After rotation', body: 'Still here.' } });
    expect(sink.received.map((m) => [m.user, m.parsed.subject])).toEqual([['member@example.com', 'After rotation']]);
  });
});

describe('sending', () => {
  it('refuses with NOT_CONFIGURED when neither the member nor the workspace has an account', async () => {
    const result = await f.clients.MEMBER.gql(SEND, { input: { to: ['ada@example.com'], subject: 'Hi', body: 'Hello' } });
    expect(errorCodes(result)).toEqual(['NOT_CONFIGURED']);
    expect(await getApp().prisma.communication.count()).toBe(0);
  });

  it('sends a template with merge fields from a contact, and records it on every known participant', async () => {
    await connectMine();
    const ada = await contactWithEmail(getApp(), f, 'ada@example.com', { firstName: 'Ada' });
    const grace = await contactWithEmail(getApp(), f, 'grace@example.com', { firstName: 'Grace', lastName: 'Hopper' });
    const hidden = await contactWithEmail(getApp(), f, 'secret@example.com', { private: true, ownerId: f.users.OWNER.id });
    // The same address in another workspace is not this workspace's contact.
    const elsewhere = await getApp().prisma.membership.findFirstOrThrow({ where: { userId: f.users.OUTSIDER.id } });
    await contactWithEmail(getApp(), f, 'grace@example.com', { workspaceId: elsewhere.workspaceId, ownerId: f.users.OUTSIDER.id });
    const company = await companyRow(getApp(), f, { name: 'Analytical Engines' });
    const template = await f.clients.MEMBER.ok(
      `mutation { createEmailTemplate(input: { name: "Intro", subject: "Hello {{contact.firstName}} from {{company.name}}", body: "Dear {{contact.name}},\\n\\n{{sender.name}} here. {{deal.name | No deal yet}}." }) { id } }`,
    );

    const sent = (
      await f.clients.MEMBER.ok(SEND, {
        input: {
          to: ['Ada@Example.com'],
          cc: ['grace@example.com', 'secret@example.com'],
          templateId: template.createEmailTemplate.id,
          contactId: ada.gid,
          companyId: company.gid,
        },
      })
    ).sendEmail;

    expect(sink.received).toHaveLength(1);
    const [message] = sink.received;
    expect(message!.user).toBe('member@example.com');
    expect(message!.envelopeFrom).toBe('member@acme.test');
    expect(message!.envelopeTo.sort()).toEqual(['ada@example.com', 'grace@example.com', 'secret@example.com']);
    expect(message!.parsed.from?.value).toEqual([{ address: 'member@acme.test', name: 'Member Person' }]);
    expect(message!.parsed.subject).toBe('Hello Ada from Analytical Engines');
    expect(message!.parsed.text?.trim()).toBe('Dear Ada Lovelace,\n\nMember Person here. No deal yet.');
    expect(message!.parsed.messageId).toBe(`<${sent.email.messageId}>`);
    expect(sent.email.messageId).toMatch(/^[0-9a-f-]{36}@acme\.test$/);
    expect(message!.parsed.inReplyTo).toBeUndefined();

    expect(sent).toMatchObject({
      direction: 'OUTBOUND',
      fromAddress: 'member@acme.test',
      subject: 'Hello Ada from Analytical Engines',
      company: { id: company.gid },
      email: { inReplyTo: null, references: [], threadId: sent.email.messageId, source: 'SENT', ccAddresses: ['grace@example.com', 'secret@example.com'] },
    });
    expect(sent.toAddresses.sort()).toEqual(['ada@example.com', 'grace@example.com', 'secret@example.com']);
    // Every known participant the sender can see, and no one the sender cannot see.
    expect(sent.contacts.map((c: { id: string }) => c.id).sort()).toEqual([ada.gid, grace.gid].sort());
    const links = await getApp().prisma.communicationContact.findMany({ where: { communicationId: { not: undefined } } });
    expect(links.map((l) => l.contactId)).not.toContain(hidden.id);
    // On the timeline as a live event.
    expect(await getApp().prisma.activityEvent.count({ where: { entityType: 'Communication', verb: 'created' } })).toBe(1);
  });

  it('threads a reply: In-Reply-To and References name the earlier message, and the thread is kept', async () => {
    await connectMine();
    await contactWithEmail(getApp(), f, 'ada@example.com');
    const first = (await f.clients.MEMBER.ok(SEND, { input: { to: ['ada@example.com'], subject: 'Pricing', body: 'Here are our prices.' } })).sendEmail;
    const second = (await f.clients.MEMBER.ok(SEND, { input: { to: ['ada@example.com'], body: 'Following up.', replyToId: first.id } })).sendEmail;
    const third = (await f.clients.MEMBER.ok(SEND, { input: { to: ['ada@example.com'], body: 'One more.', replyToId: second.id } })).sendEmail;

    const [, reply, replyToReply] = sink.received;
    expect(reply!.parsed.subject).toBe('Re: Pricing');
    expect(reply!.parsed.inReplyTo).toBe(`<${first.email.messageId}>`);
    expect(reply!.parsed.references).toBe(`<${first.email.messageId}>`);
    expect(replyToReply!.parsed.subject).toBe('Re: Pricing');
    expect(replyToReply!.parsed.inReplyTo).toBe(`<${second.email.messageId}>`);
    expect(replyToReply!.parsed.references).toEqual([`<${first.email.messageId}>`, `<${second.email.messageId}>`]);
    expect([second.email.threadId, third.email.threadId]).toEqual([first.email.messageId, first.email.messageId]);
  });

  it('uses the workspace account when the member has none, and a failed send records nothing', async () => {
    await f.clients.ADMIN.ok(`mutation($input: SmtpAccountInput!) { setWorkspaceSmtpAccount(input: $input) { personal } }`, {
      input: account({ fromAddress: 'sales@acme.test', fromName: null }),
    });
    const result = await f.clients.MEMBER.gql(SEND, { input: { to: ['ghost@refused.example'], subject: 'Hi', body: 'Hello' } });
    expect(errorCodes(result)).toEqual(['SEND_FAILED']);
    expect(await getApp().prisma.communication.count()).toBe(0);

    await f.clients.MEMBER.ok(SEND, { input: { to: ['ada@example.com'], subject: 'Hi', body: 'Hello' } });
    expect(sink.received.map((m) => m.envelopeFrom)).toEqual(['sales@acme.test']);
  });

  it('refuses unknown merge fields and links the sender cannot see', async () => {
    await connectMine();
    const hidden = await contactWithEmail(getApp(), f, 'secret@example.com', { private: true, ownerId: f.users.OWNER.id });
    const bad = await f.clients.MEMBER.gql(`mutation { createEmailTemplate(input: { name: "X", body: "Hi {{contact.password}}" }) { id } }`);
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    const hiddenLink = await f.clients.MEMBER.gql(SEND, { input: { to: ['x@example.com'], body: 'Hi', contactId: hidden.gid } });
    expect(errorCodes(hiddenLink)).toEqual(['BAD_USER_INPUT']);
    expect(sink.received).toEqual([]);
  });
});
