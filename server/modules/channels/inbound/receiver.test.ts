import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rolesFixture, type RolesFixture } from '../../../test/fixtures.js';
import { useTestApp } from '../../../test/test-app.js';
import { fileStorage } from '../../files/storage.js';
import { testChannels } from '../test/channels-config.js';
import { contactWithEmail } from '../test/people.js';
import { startInboundReceiver, type InboundReceiver } from './receiver.js';

const DOMAIN = 'in.kith.test';
const MAX_BYTES = 25 * 1024 * 1024;
const getApp = useTestApp({
  config: {
    channels: testChannels({ inbound: { port: 0, host: '127.0.0.1', domain: DOMAIN, maxBytes: MAX_BYTES, perWorkspacePerHour: 40, perSenderPerHour: 5 } }),
  },
});

let receiver: InboundReceiver;
let f: RolesFixture;
let workspaceAddress: string;
const latencies: number[] = [];

beforeEach(async () => {
  f = await rolesFixture(getApp());
  receiver = await startInboundReceiver(getApp().services);
  const data = await f.clients.MEMBER.ok(`{ inboundMail { enabled workspaceAddress myAddress } }`);
  expect(data.inboundMail.enabled).toBe(true);
  workspaceAddress = data.inboundMail.workspaceAddress;
  expect(workspaceAddress).toMatch(/^bcc\+[a-z2-7]{24}@in\.kith\.test$/);
});
afterEach(() => receiver.close());

function transport() {
  return nodemailer.createTransport({ host: '127.0.0.1', port: receiver.port, secure: false, ignoreTLS: true });
}

async function send(message: SendMailOptions) {
  const t = transport();
  try {
    return await t.sendMail(message);
  } finally {
    t.close();
  }
}

const THREAD = `{ communications(first: 50) { edges { node { id direction fromAddress subject body owner { id } contacts { id }
  email { messageId inReplyTo threadId source html attachments { name contentType size } } } } } }`;

async function timeline() {
  const data = await f.clients.ADMIN.ok(THREAD);
  return data.communications.edges.map((e: { node: unknown }) => e.node) as Array<Record<string, any>>;
}

describe('forwarding/BCC address', () => {
  it('puts a message on the timeline: matched to the contact, threaded, attachments kept as files, within a measured latency', async () => {
    const ada = await contactWithEmail(getApp(), f, 'ada@example.com');
    const events: Array<{ id: string; at: number }> = [];
    const stop = await getApp().services.activityHub.listen(f.workspaceId, (event) => {
      if (event.entityType === 'Communication' && event.verb === 'created') events.push({ id: event.entityId, at: performance.now() });
    });
    const accepted = new Map<string, number>();
    receiver.onStored = (id, at) => accepted.set(id, at);

    await send({
      from: 'Ada Lovelace <ada@example.com>',
      to: 'sales@acme.test',
      bcc: workspaceAddress,
      subject: 'Pricing',
      text: 'What does it cost?',
      messageId: '<root-1@example.com>',
    });
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 'x')]);
    await send({
      from: 'ada@example.com',
      to: workspaceAddress,
      subject: 'Re: Pricing',
      text: 'And the terms?',
      messageId: '<reply-2@example.com>',
      inReplyTo: '<root-1@example.com>',
      references: ['<root-1@example.com>'],
      attachments: [
        { filename: 'terms.pdf', content: pdf, contentType: 'application/pdf' },
        { filename: 'setup.exe', content: Buffer.from('MZ...') },
      ],
    });
    stop();

    const [reply, root] = (await timeline()).sort((a, b) => (a.subject < b.subject ? 1 : -1));
    expect(root).toMatchObject({
      direction: 'INBOUND',
      fromAddress: 'ada@example.com',
      subject: 'Pricing',
      body: 'What does it cost?\n',
      owner: null,
      contacts: [{ id: ada.gid }],
      email: { messageId: 'root-1@example.com', threadId: 'root-1@example.com', source: 'FORWARDED' },
    });
    expect(reply).toMatchObject({
      subject: 'Re: Pricing',
      contacts: [{ id: ada.gid }],
      email: { inReplyTo: 'root-1@example.com', threadId: 'root-1@example.com' },
    });
    expect(reply!.email.attachments).toEqual([{ name: 'terms.pdf', contentType: 'application/pdf', size: pdf.length }]);
    expect(reply!.body).toContain('Attachments not kept (type or size not accepted): setup.exe');
    const file = await getApp().prisma.file.findFirstOrThrow({ where: { name: 'terms.pdf' } });
    const stored = await fileStorage(getApp().services.config).open(file.storageKey);
    expect(stored?.size).toBe(pdf.length);
    stored?.body.destroy();

    // Latency from the end of DATA to the live timeline event.
    expect(events).toHaveLength(2);
    for (const event of events) latencies.push(event.at - accepted.get(event.id)!);
    console.log(`inbound latency (SMTP accept → timeline event): ${latencies.map((ms) => ms.toFixed(1)).join(', ')} ms`);
    expect(Math.max(...latencies)).toBeLessThan(5_000);
  });

  it('refuses a bad token at RCPT time, and stores nothing', async () => {
    const wrong = workspaceAddress.replace(/\+[a-z2-7]{4}/, '+aaaa');
    await expect(send({ from: 'ada@example.com', to: wrong, subject: 'Hi', text: 'Hello' })).rejects.toMatchObject({ code: 'EENVELOPE', responseCode: 550 });
    await expect(send({ from: 'ada@example.com', to: `bcc+nonsense@${DOMAIN}`, subject: 'Hi', text: 'Hello' })).rejects.toMatchObject({ responseCode: 550 });
    await expect(send({ from: 'ada@example.com', to: workspaceAddress.replace(DOMAIN, 'elsewhere.test'), subject: 'Hi', text: 'Hello' })).rejects.toMatchObject(
      { responseCode: 550 },
    );
    expect(await getApp().prisma.communication.count()).toBe(0);
  });

  it('a rotated address stops working at once', async () => {
    await f.clients.ADMIN.ok(`mutation { rotateInboundAddress(personal: false) { workspaceAddress } }`);
    await expect(send({ from: 'ada@example.com', to: workspaceAddress, subject: 'Hi', text: 'Hello' })).rejects.toMatchObject({ responseCode: 550 });
  });

  it('refuses a 30 MB attachment over the 25 MB limit, storing nothing', async () => {
    const big = Buffer.alloc(30 * 1024 * 1024, 1);
    await expect(
      send({ from: 'ada@example.com', to: workspaceAddress, subject: 'Big', text: 'See attached', attachments: [{ filename: 'big.pdf', content: big }] }),
    ).rejects.toMatchObject({ responseCode: 552 });
    expect(await getApp().prisma.communication.count()).toBe(0);
    expect(await getApp().prisma.file.count()).toBe(0);
  });

  it('holds back a mail bomb from one sender at RCPT, and still takes mail from others', async () => {
    const outcomes: Array<number | 'ok'> = [];
    for (let i = 0; i < 12; i++) {
      outcomes.push(
        await send({ from: 'bomber@example.net', to: workspaceAddress, subject: `Spam ${i}`, text: 'x' }).then(
          () => 'ok' as const,
          (e: { responseCode: number }) => e.responseCode,
        ),
      );
    }
    expect(outcomes).toEqual([...Array(5).fill('ok'), ...Array(7).fill(450)]);
    await send({ from: 'ada@example.com', to: workspaceAddress, subject: 'Real mail', text: 'Hello' });
    expect(await getApp().prisma.communication.count()).toBe(6);
  });

  it('decodes non-UTF-8 headers (encoded words in Latin-1 and KOI8-R, raw Latin-1 bytes)', async () => {
    const raw = Buffer.concat([
      Buffer.from(
        [
          'From: =?ISO-8859-1?Q?Andr=E9_M=FCller?= <andre@example.com>',
          `To: ${workspaceAddress}`,
          'Subject: =?KOI8-R?B?8NLJ18XU?= =?ISO-8859-1?Q?_caf=E9?=',
          'Message-ID: <latin-1@example.com>',
          'MIME-Version: 1.0',
          'Content-Type: text/plain; charset=ISO-8859-1',
          'Content-Transfer-Encoding: 8bit',
          '',
          '',
        ].join('\r\n'),
      ),
      Buffer.from('Gr\xfc\xdfe aus K\xf6ln\r\n', 'latin1'),
    ]);
    await send({ envelope: { from: 'andre@example.com', to: [workspaceAddress] }, raw });
    const [message] = await timeline();
    expect(message).toMatchObject({ subject: 'Привет café', fromAddress: 'andre@example.com', body: 'Grüße aus Köln\n' });
  });

  it('stores and shows HTML sanitised: no script, no handlers, no remote images', async () => {
    await send({
      from: 'ada@example.com',
      to: workspaceAddress,
      subject: 'Newsletter',
      html: '<p onclick="steal()">Hello <b>there</b></p><script>alert(document.cookie)</script><img src="https://track.example/p.gif"><a href="javascript:alert(1)">x</a><a href="https://example.com">site</a>',
    });
    const [message] = await timeline();
    const html = message!.email.html as string;
    expect(html).toContain('<p>Hello <b>there</b></p>');
    expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer nofollow" target="_blank">site</a>');
    expect(html).not.toMatch(/script|onclick|<img|javascript:/i);
    const row = await getApp().prisma.emailMessage.findFirstOrThrow();
    expect(row.html).toBe(html);
  });

  it('survives malformed MIME: stores what can be read, and keeps taking mail', async () => {
    const raw = [
      'From: ada@example.com',
      `To: ${workspaceAddress}`,
      'Subject: Broken',
      'Content-Type: multipart/mixed; boundary="never-closed"',
      'Date: not a date',
      '',
      '--never-closed',
      'Content-Type: text/plain',
      '',
      'The readable part.',
      '--never-closed',
      'Content-Type: application/pdf; name="x.pdf"',
      'Content-Transfer-Encoding: base64',
      'Content-Disposition: attachment; filename="x.pdf"',
      '',
      '!!!not base64 at all%%%',
    ].join('\r\n');
    await send({ envelope: { from: 'ada@example.com', to: [workspaceAddress] }, raw });
    await send({ envelope: { from: 'ada@example.com', to: [workspaceAddress] }, raw: 'garbage without headers or body separator' });
    await send({ from: 'ada@example.com', to: workspaceAddress, subject: 'After', text: 'Fine' });
    const subjects = (await timeline()).map((m) => m.subject);
    expect(subjects).toEqual(expect.arrayContaining(['Broken', 'After']));
    const broken = (await timeline()).find((m) => m.subject === 'Broken')!;
    expect(broken.body).toContain('The readable part.');
    expect(broken.email.attachments).toEqual([]);
  });

  it('creates a contact for an unknown sender only when the workspace allows it', async () => {
    await send({ from: 'Grace Hopper <grace@example.com>', to: workspaceAddress, subject: 'One', text: 'x' });
    expect(await getApp().prisma.contact.count()).toBe(0);
    await f.clients.ADMIN.ok(`mutation { setCreateUnknownContacts(enabled: true) { createUnknownContacts } }`);
    await send({ from: 'Grace Hopper <grace@example.com>', to: workspaceAddress, subject: 'Two', text: 'x' });
    const contacts = await getApp().prisma.contact.findMany({ include: { emails: true } });
    expect(contacts.map((c) => [c.firstName, c.lastName, c.emails.map((e) => e.email)])).toEqual([['Grace', 'Hopper', ['grace@example.com']]]);
    const two = (await timeline()).find((m) => m.subject === 'Two')!;
    expect(two.contacts).toEqual([{ id: expect.any(String) }]);
  });

  it("mail to a personal address is that member's; a member BCC-ing their own mail makes it outbound", async () => {
    const mine = (await f.clients.MEMBER.ok(`{ inboundMail { myAddress } }`)).inboundMail.myAddress;
    await contactWithEmail(getApp(), f, 'ada@example.com');
    await send({ from: 'ada@example.com', to: mine, subject: 'To the member', text: 'x' });
    await send({ from: 'member@example.com', to: 'ada@example.com', bcc: mine, subject: 'From the member', text: 'x' });
    const messages = await timeline();
    expect(messages.find((m) => m.subject === 'To the member')).toMatchObject({ direction: 'INBOUND', owner: { id: expect.any(String) } });
    expect(messages.find((m) => m.subject === 'From the member')).toMatchObject({ direction: 'OUTBOUND', fromAddress: 'member@example.com' });
    const owners = await getApp().prisma.communication.findMany({ select: { ownerId: true } });
    expect(owners.map((o) => o.ownerId)).toEqual([f.users.MEMBER.id, f.users.MEMBER.id]);
  });

  it('keeps a message sent twice (same Message-ID) once', async () => {
    for (let i = 0; i < 2; i++) await send({ from: 'ada@example.com', to: workspaceAddress, subject: 'Once', text: 'x', messageId: '<same@example.com>' });
    expect(await getApp().prisma.communication.count()).toBe(1);
  });
});
