// Issue 17's screens: an SMTP account saved from settings, an email composed and sent from a contact,
// the inbound reply (with hostile HTML) on the contact's timeline, an IMAP mailbox connected with its
// privacy level changed, and an SMS sent. Real servers on loopback: smtp-server, Kith's inbound receiver,
// Dovecot and a server speaking Twilio's REST shape.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startInboundReceiver, type InboundReceiver } from '../../server/modules/channels/inbound/receiver.js';
import { testChannels } from '../../server/modules/channels/test/channels-config.js';
import { startDovecot, type TestDovecot } from '../../server/modules/channels/test/dovecot.js';
import { contactWithEmail } from '../../server/modules/channels/test/people.js';
import { startSmtpSink } from '../../server/modules/channels/test/smtp-sink.js';
import { startTwilioServer } from '../../server/modules/channels/test/twilio-server.js';
import { rolesFixture, type RolesFixture } from '../../server/test/fixtures.js';
import { startHarness, type Harness } from './harness.js';

const SID = 'AC0123456789abcdef0123456789abcdef';
const SMTP_PASS = 'smtp-app-password';
const IMAP_PASS = 'imap-app-password';
const twilioApi = await startTwilioServer(SID);
const sink = await startSmtpSink({ user: 'member@example.com', pass: SMTP_PASS });

let h: Harness;
let f: RolesFixture;
let dovecot: TestDovecot;
let receiver: InboundReceiver;
let contactGid: string;

beforeAll(async () => {
  h = await startHarness({
    config: {
      channels: testChannels({
        inbound: { port: 0, host: '127.0.0.1', domain: 'in.kith.test', maxBytes: 1024 * 1024, perWorkspacePerHour: 100, perSenderPerHour: 100 },
        twilio: { accountSid: SID, authToken: 'twilio-token', apiUrl: twilioApi.url },
      }),
    },
  });
  dovecot = await startDovecot({ 'member@example.com': IMAP_PASS });
  receiver = await startInboundReceiver(h.app.services);
  f = await rolesFixture(h.app);
  contactGid = (await contactWithEmail(h.app, f, 'ada@example.com', { phone: '+14155550132' })).gid;
  await f.clients.ADMIN.ok(`mutation { setTwilioNumber(number: "+14155550100") { number } }`);
}, 120_000);

afterAll(async () => {
  await receiver?.close();
  await dovecot?.stop();
  await h?.close();
  await sink.close();
  await twilioApi.close();
});

const member = () => h.signedInPage(f.clients.MEMBER.cookie!, f.workspaceGid);

describe('email and phone channels', () => {
  it('saves an SMTP account, sends an email from a contact, and shows the sanitised inbound reply in the thread', async () => {
    onTestFailed(() => h.screenshotAll('channels-email'));
    const { page, consoleErrors } = await member();
    await page.goto('/settings/channels');
    const form = page.getByRole('form', { name: 'Your SMTP account' });
    await form.getByLabel('SMTP server').fill('127.0.0.1');
    await form.getByLabel('Port', { exact: true }).fill(String(sink.port));
    await form.getByLabel('User name').fill('member@example.com');
    await form.getByLabel('Password or app password').fill(SMTP_PASS);
    await form.getByLabel('From address').fill('member@acme.test');
    await form.getByRole('button', { name: 'Save and test' }).click();
    await page.getByRole('status').filter({ hasText: 'Kith signed in to the server' }).waitFor();

    await page.goto(`/contacts/${contactGid}`);
    await page.getByRole('button', { name: 'Send email' }).click();
    const compose = page.getByRole('form', { name: 'Send an email' });
    await compose.getByLabel('To').fill('ada@example.com');
    await compose.getByLabel('Subject').fill('Our proposal');
    await compose.getByLabel('Message').fill('Hello {{contact.firstName}}, here it is.');
    await compose.getByRole('button', { name: 'Send email' }).click();
    await page.locator('.timeline-item').filter({ hasText: 'Our proposal' }).waitFor();
    expect(sink.received.map((m) => [m.parsed.subject, m.parsed.text?.trim()])).toEqual([['Our proposal', 'Hello Ada, here it is.']]);

    // Ada answers; the reply reaches the workspace's forwarding address with a script in its HTML.
    const address = (await f.clients.MEMBER.ok(`{ inboundMail { workspaceAddress } }`)).inboundMail.workspaceAddress;
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: receiver.port, ignoreTLS: true });
    await transport.sendMail({
      from: 'ada@example.com',
      to: 'member@acme.test',
      bcc: address,
      subject: 'Re: Our proposal',
      inReplyTo: sink.received[0]!.parsed.messageId,
      references: [sink.received[0]!.parsed.messageId!],
      html: '<p>Looks <b>good</b>.</p><script>document.title = "pwned"</script><img src="https://tracker.example/p.gif">',
    });
    transport.close();
    await page.reload();
    const reply = page.locator('.timeline-item').filter({ hasText: 'Re: Our proposal' });
    await reply.waitFor();
    const frame = reply.frameLocator('iframe.email-html');
    await frame.getByText('Looks good.').waitFor();
    expect(await frame.locator('script, img').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    const threads = await h.app.prisma.emailMessage.findMany({ select: { threadId: true } });
    expect(new Set(threads.map((t) => t.threadId)).size).toBe(1);

    // Reply from the timeline: the answer carries In-Reply-To.
    await reply.getByRole('button', { name: /Reply/ }).click();
    const answer = page.getByRole('form', { name: 'Reply by email' });
    expect(await answer.getByLabel('To').inputValue()).toBe('ada@example.com');
    await answer.getByLabel('Message').fill('Great, talk soon.');
    await answer.getByRole('button', { name: 'Send email' }).click();
    await page.locator('.timeline-item').filter({ hasText: 'Great, talk soon.' }).waitFor();
    expect(sink.received[1]!.parsed.subject).toBe('Re: Our proposal');
    expect(sink.received[1]!.parsed.inReplyTo).toMatch(/^<.+>$/);
    expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
  });

  it('connects an IMAP mailbox and changes its privacy level', async () => {
    onTestFailed(() => h.screenshotAll('channels-mailbox'));
    const { page, consoleErrors } = await member();
    await page.goto('/settings/channels');
    const form = page.getByRole('form', { name: 'Connect a mailbox' });
    await form.getByLabel('IMAP server').fill('127.0.0.1');
    await form.getByLabel('Port', { exact: true }).fill(String(dovecot.port));
    await form.getByLabel('User name').fill('member@example.com');
    await form.getByLabel('Password or app password').fill(IMAP_PASS);
    await form.getByRole('button', { name: 'Connect mailbox' }).click();
    const privacy = page.getByLabel('What others in the workspace see').first();
    await page.getByText('member@example.com').first().waitFor();
    expect(await privacy.inputValue()).toBe('SUBJECT');
    await privacy.selectOption('METADATA');
    await expect.poll(async () => (await h.app.prisma.mailbox.findFirstOrThrow()).privacy).toBe('METADATA');
    await page.reload();
    expect(await page.getByLabel('What others in the workspace see').first().inputValue()).toBe('METADATA');
    await page.getByRole('button', { name: 'Disconnect and delete imported mail' }).click();
    await expect.poll(() => h.app.prisma.mailbox.count()).toBe(0);
    expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
  });

  it('sends an SMS from the contact', async () => {
    onTestFailed(() => h.screenshotAll('channels-sms'));
    const { page, consoleErrors } = await member();
    await page.goto(`/contacts/${contactGid}`);
    await page.getByRole('button', { name: 'Send SMS' }).click();
    const form = page.getByRole('form', { name: 'Send an SMS' });
    await form.getByLabel('Message').fill('Running 5 minutes late.');
    await form.getByRole('button', { name: 'Send SMS' }).click();
    await page.locator('.timeline-item').filter({ hasText: 'Running 5 minutes late.' }).waitFor();
    expect(twilioApi.requests.map((r) => [r.params.To, r.params.Body])).toEqual([['+14155550132', 'Running 5 minutes late.']]);
    expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
  });

  it('shows none of it where nothing is configured', async () => {
    const plain = await startHarness();
    try {
      const other = await rolesFixture(plain.app);
      const { page } = await plain.signedInPage(other.clients.MEMBER.cookie!, other.workspaceGid);
      const contact = await contactWithEmail(plain.app, other, 'ada@example.com', { phone: '+14155550132' });
      await page.goto(`/contacts/${contact.gid}`);
      await page.getByRole('heading', { name: 'Timeline' }).waitFor();
      expect(await page.getByRole('button', { name: /Send (email|SMS)/ }).count()).toBe(0);
      await page.goto('/settings');
      await page.getByRole('navigation', { name: 'Settings' }).waitFor();
      expect(await page.getByRole('link', { name: 'Email and phone' }).count()).toBe(0);
    } finally {
      await plain.close();
    }
  }, 120_000);
});
