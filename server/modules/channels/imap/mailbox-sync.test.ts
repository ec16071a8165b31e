import { ImapFlow } from 'imapflow';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { rolesFixture, type RolesFixture } from '../../../test/fixtures.js';
import { useTestApp } from '../../../test/test-app.js';
import { fileStorage } from '../../files/storage.js';
import { testChannels } from '../test/channels-config.js';
import { startDovecot, type TestDovecot } from '../test/dovecot.js';
import { contactWithEmail } from '../test/people.js';
import { imapClientFor } from './imap-client.js';
import { syncMailbox } from './mailbox-sync.js';
import { mailboxWatchers } from './mailbox-watcher.js';

const getApp = useTestApp({ config: { channels: testChannels() } });
const PASS = 'imap-app-password';
const USERS = Array.from({ length: 10 }, (_, i) => `member${i}@example.com`);
let dovecot: TestDovecot;
let f: RolesFixture;
let user: string;
let nextUser = 0;

beforeAll(async () => {
  dovecot = await startDovecot(Object.fromEntries(USERS.map((u) => [u, PASS])));
});
afterAll(() => dovecot.stop());
beforeEach(async () => {
  f = await rolesFixture(getApp());
  user = USERS[nextUser++]!; // a fresh mailbox per test
});
afterEach(() => mailboxWatchers(getApp().services).stopAll());

async function imap<T>(fn: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, auth: { user, pass: PASS }, logger: false });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.logout();
  }
}

function message(o: { from: string; to: string; subject: string; id: string; body?: string; inReplyTo?: string; date?: Date }) {
  return [
    `From: ${o.from}`,
    `To: ${o.to}`,
    `Subject: ${o.subject}`,
    `Message-ID: <${o.id}>`,
    `Date: ${(o.date ?? new Date()).toUTCString()}`,
    ...(o.inReplyTo ? [`In-Reply-To: <${o.inReplyTo}>`, `References: <${o.inReplyTo}>`] : []),
    'Content-Type: text/plain; charset=utf-8',
    '',
    o.body ?? `Body of ${o.subject}`,
    '',
  ].join('\r\n');
}

const DAY = 86_400_000;

/** A MIME message with attachments, built by nodemailer's composer. */
function nodemailerMessage(mail: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
  return new MailComposer(mail).compile().build();
}

async function connect(input: Record<string, unknown> = {}) {
  const data = await f.clients.MEMBER.ok(`mutation($input: ConnectMailboxInput!) { connectMailbox(input: $input) { id status privacy } }`, {
    input: { host: '127.0.0.1', port: dovecot.port, secure: false, username: user, password: PASS, syncDays: 30, ...input },
  });
  return data.connectMailbox.id as string;
}

async function mailboxRow() {
  return getApp().prisma.mailbox.findFirstOrThrow({ where: { username: user } });
}

async function waitIdle(count?: number) {
  await vi.waitFor(
    async () => {
      const row = await mailboxRow();
      expect(row.status).toBe('IDLE');
      if (count !== undefined) expect(await getApp().prisma.emailMessage.count({ where: { mailboxId: row.id } })).toBe(count);
    },
    { timeout: 20_000, interval: 50 },
  );
}

const LIST = `{ communications(first: 50) { edges { node { direction subject body bodyHidden fromAddress contacts { id } email { subject html threadId source } } } } }`;
const seenBy = async (client: RolesFixture['clients']['MEMBER']) =>
  ((await client.ok(LIST)).communications.edges as Array<{ node: Record<string, any> }>).map((e) => e.node);

describe('IMAP sync (Dovecot)', () => {
  it('first sync: the chosen window, known contacts only, excluded and junk folders skipped, sent mail outbound and threaded', async () => {
    const ada = await contactWithEmail(getApp(), f, 'ada@example.com');
    await imap(async (client) => {
      await client.mailboxCreate('Private');
      await client.append(
        'INBOX',
        message({ from: 'ada@example.com', to: user, subject: 'Recent from Ada', id: 'a1@example.com' }),
        [],
        new Date(Date.now() - 2 * DAY),
      );
      await client.append('INBOX', message({ from: 'stranger@example.net', to: user, subject: 'Stranger', id: 's1@example.net' }));
      await client.append(
        'INBOX',
        message({ from: 'ada@example.com', to: user, subject: 'Old from Ada', id: 'old@example.com', date: new Date(Date.now() - 200 * DAY) }),
        [],
        new Date(Date.now() - 200 * DAY),
      );
      await client.append(
        'Sent',
        message({ from: user, to: 'ada@example.com', subject: 'Re: Recent from Ada', id: 'r1@example.com', inReplyTo: 'a1@example.com' }),
      );
      await client.append('Junk', message({ from: 'ada@example.com', to: user, subject: 'In junk', id: 'j1@example.com' }));
      await client.append('Private', message({ from: 'ada@example.com', to: user, subject: 'In private', id: 'p1@example.com' }));
    });

    await connect({ excludedFolders: ['Private'], privacy: 'FULL' });
    await waitIdle(2);

    const messages = await seenBy(f.clients.MEMBER);
    expect(messages.map((m) => m.subject).sort()).toEqual(['Re: Recent from Ada', 'Recent from Ada']);
    const inbound = messages.find((m) => m.subject === 'Recent from Ada')!;
    const sent = messages.find((m) => m.subject === 'Re: Recent from Ada')!;
    expect(inbound).toMatchObject({
      direction: 'INBOUND',
      fromAddress: 'ada@example.com',
      contacts: [{ id: ada.gid }],
      email: { source: 'IMAP', threadId: 'a1@example.com' },
    });
    expect(sent).toMatchObject({ direction: 'OUTBOUND', contacts: [{ id: ada.gid }], email: { threadId: 'a1@example.com' } });
    const folders = await getApp().prisma.mailboxFolder.findMany({ orderBy: { path: 'asc' } });
    expect(folders.map((x) => x.path)).toEqual(['INBOX', 'Sent']);
  });

  it('with "everyone", imports mail with unknown senders too', async () => {
    await imap((client) => client.append('INBOX', message({ from: 'stranger@example.net', to: user, subject: 'Stranger', id: 's2@example.net' })));
    await connect({ importEveryone: true });
    await waitIdle(1);
  });

  it('delivers a new message through IDLE, and survives a dropped connection without duplicates', async () => {
    await contactWithEmail(getApp(), f, 'ada@example.com');
    await imap((client) => client.append('INBOX', message({ from: 'ada@example.com', to: user, subject: 'First', id: 'i1@example.com' })));
    const id = await connect();
    await waitIdle(1);

    const appended = Date.now();
    await imap((client) => client.append('INBOX', message({ from: 'ada@example.com', to: user, subject: 'While idle', id: 'i2@example.com' })));
    await waitIdle(2);
    console.log(`IDLE delivery (append → stored): ${Date.now() - appended} ms`);

    // The server drops the connection; mail arriving meanwhile is picked up after the reconnect.
    dovecot.kick(user);
    await imap((client) => client.append('INBOX', message({ from: 'ada@example.com', to: user, subject: 'During the cut', id: 'i3@example.com' })));
    await vi.waitFor(async () => expect(await getApp().prisma.emailMessage.count()).toBe(3), { timeout: 20_000, interval: 50 });
    const ids = (await getApp().prisma.emailMessage.findMany()).map((m) => m.messageId).sort();
    const { idFromGlobalId } = await import('../../node/uuid.js');
    expect(mailboxWatchers(getApp().services).watcher(idFromGlobalId(id, 'Mailbox'))?.connections).toBe(2);
    expect(ids).toEqual(['i1@example.com', 'i2@example.com', 'i3@example.com']);
  });

  it('resumes from the last stored UID after a crash midway, importing nothing twice', async () => {
    await imap(async (client) => {
      for (let i = 0; i < 7; i++)
        await client.append('INBOX', message({ from: `p${i}@example.net`, to: user, subject: `Message ${i}`, id: `m${i}@example.net` }));
    });
    // Stored straight away (no watcher), so the test controls each pass.
    const mailbox = await getApp().prisma.mailbox.create({
      data: {
        workspaceId: f.workspaceId,
        userId: f.users.MEMBER.id,
        host: '127.0.0.1',
        port: dovecot.port,
        secure: false,
        username: user,
        passwordSealed: (await import('../secrets/sealed-secret.js')).sealSecret(testChannelsKeys(), f.workspaceId, PASS),
        importEveryone: true,
        syncSince: new Date(Date.now() - DAY),
      },
    });
    const pass = async (crashAfterBatches: number | null) => {
      const client = await imapClientFor(getApp().services.config, mailbox);
      await client.connect();
      let batches = 0;
      try {
        return await syncMailbox(getApp().services, client, mailbox, {
          batchSize: 3,
          afterBatch: () => {
            if (crashAfterBatches !== null && ++batches >= crashAfterBatches) throw new Error('killed');
          },
        });
      } finally {
        client.close();
      }
    };
    await expect(pass(1)).rejects.toThrow('killed');
    expect(await getApp().prisma.emailMessage.count()).toBe(3);
    expect(await pass(null)).toEqual({ fetched: 4, imported: 4 });
    expect(await pass(null)).toEqual({ fetched: 0, imported: 0 });
    expect(await getApp().prisma.communication.count()).toBe(7);
  });

  it('each privacy level, as another member sees it; the mailbox owner and admins see everything', async () => {
    await contactWithEmail(getApp(), f, 'ada@example.com');
    await imap((client) =>
      client.append('INBOX', message({ from: 'ada@example.com', to: user, subject: 'Salary talk', id: 'priv@example.com', body: 'The number is 42.' })),
    );
    const id = await connect({ privacy: 'METADATA' });
    await waitIdle(1);

    const set = (privacy: string) =>
      f.clients.MEMBER.ok(`mutation($id: ID!, $p: MailboxPrivacy!) { updateMailbox(id: $id, input: { privacy: $p }) { privacy } }`, { id, p: privacy });
    const view = async () => ({
      owner: (await seenBy(f.clients.MEMBER))[0]!,
      other: (await seenBy(f.clients.VIEWER))[0]!,
      admin: (await seenBy(f.clients.ADMIN))[0]!,
    });

    let seen = await view();
    expect(seen.other).toMatchObject({ fromAddress: 'ada@example.com', subject: null, body: null, bodyHidden: true, email: { subject: null, html: null } });
    expect(seen.owner).toMatchObject({ subject: null, body: 'The number is 42.\n', email: { subject: 'Salary talk' } });
    expect(seen.admin).toMatchObject({ body: 'The number is 42.\n', email: { subject: 'Salary talk' } });

    await set('SUBJECT');
    seen = await view();
    expect(seen.other).toMatchObject({ subject: 'Salary talk', body: null, bodyHidden: true, email: { subject: 'Salary talk' } });

    await set('FULL');
    seen = await view();
    expect(seen.other).toMatchObject({ subject: 'Salary talk', body: 'The number is 42.\n', bodyHidden: false });

    await set('METADATA');
    expect((await view()).other).toMatchObject({ subject: null, body: null });
  });

  it('disconnecting stops the sync, and deletes the imported mail only when asked', async () => {
    await contactWithEmail(getApp(), f, 'ada@example.com');
    await imap((client) => client.append('INBOX', message({ from: 'ada@example.com', to: user, subject: 'Keep me?', id: 'k1@example.com' })));
    const id = await connect();
    await waitIdle(1);
    expect(await f.clients.MEMBER.ok(`mutation($id: ID!) { disconnectMailbox(id: $id, deleteImported: false) }`, { id })).toEqual({ disconnectMailbox: 0 });
    expect(await getApp().prisma.communication.count()).toBe(1);

    const again = await connect();
    await waitIdle();
    await imap((client) => client.append('INBOX', message({ from: 'ada@example.com', to: user, subject: 'Second', id: 'k2@example.com' })));
    await vi.waitFor(async () => expect(await getApp().prisma.communication.count()).toBe(2), { timeout: 20_000, interval: 50 });
    expect(await f.clients.MEMBER.ok(`mutation($id: ID!) { disconnectMailbox(id: $id, deleteImported: true) }`, { id: again })).toEqual({
      disconnectMailbox: 1,
    });
    expect((await getApp().prisma.communication.findMany()).map((c) => c.subject)).toEqual(['Keep me?']);
    expect(await getApp().prisma.mailbox.count()).toBe(0);
  });

  it('keeps attachments as files of the email (accepted types only), and deletes them with the imported mail', async () => {
    const app = getApp();
    await contactWithEmail(app, f, 'ada@example.com');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const raw = await nodemailerMessage({
      from: 'ada@example.com',
      to: user,
      subject: 'The quote',
      messageId: '<att1@example.com>',
      text: 'Quote attached.',
      attachments: [
        { filename: 'quote.pdf', content: pdf, contentType: 'application/pdf' },
        { filename: 'tool.exe', content: Buffer.from('MZ\x90\x00binary'), contentType: 'application/octet-stream' },
      ],
    });
    await imap((client) => client.append('INBOX', raw));
    const id = await connect();
    await waitIdle(1);
    const files = await app.prisma.file.findMany({ include: { communication: true } });
    expect(files.map((file) => [file.name, file.contentType, file.size, file.communication?.subject])).toEqual([
      ['quote.pdf', 'application/pdf', pdf.length, 'The quote'],
    ]);
    const storage = fileStorage(app.services.config);
    const opened = await storage.open(files[0]!.storageKey);
    expect(Buffer.concat(await opened!.body.toArray()).equals(pdf)).toBe(true);
    const communication = await app.prisma.communication.findFirstOrThrow();
    expect(communication.body).toContain('Quote attached.');

    expect(await f.clients.MEMBER.ok(`mutation($id: ID!) { disconnectMailbox(id: $id, deleteImported: true) }`, { id })).toEqual({ disconnectMailbox: 1 });
    expect(await app.prisma.file.count()).toBe(0);
    expect(await storage.open(files[0]!.storageKey)).toBeNull();
  });

  it('refuses a wrong password, storing nothing, and another member cannot touch the mailbox', async () => {
    const wrong = await f.clients.MEMBER.gql(`mutation($input: ConnectMailboxInput!) { connectMailbox(input: $input) { id } }`, {
      input: { host: '127.0.0.1', port: dovecot.port, secure: false, username: user, password: 'nope' },
    });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await getApp().prisma.mailbox.count()).toBe(0);
    const id = await connect();
    const other = await f.clients.ADMIN.gql(`mutation($id: ID!) { disconnectMailbox(id: $id, deleteImported: true) }`, { id });
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const row = await mailboxRow();
    expect(row.passwordSealed).not.toContain(PASS);
  });
});

function testChannelsKeys() {
  return getApp().services.config.channels.secretKeys;
}
