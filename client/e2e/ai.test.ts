// Issue 18's AI in the web app, against a loopback OpenAI-compatible provider: absent while the instance has
// none; an admin's switch; summarise with a selection (what will be sent shown first, the answer streamed);
// draft a reply, edit and save it; a contact from pasted text; and a spent budget. One server and browser.
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { adaWithHistory } from '../../server/modules/ai/ai.fixtures.js';
import { aiConfigFor, loopbackProvider } from '../../server/modules/ai/ai.test-helpers.js';
import { testChannels } from '../../server/modules/channels/test/channels-config.js';
import { startSmtpSink } from '../../server/modules/channels/test/smtp-sink.js';
import { rolesFixture, type RolesFixture } from '../../server/test/fixtures.js';
import type { OpenAiLoopback } from '../../server/test/openai-loopback.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let f: RolesFixture;
let ada: Awaited<ReturnType<typeof adaWithHistory>>;
let provider: OpenAiLoopback;
const WAIT = { timeout: 10_000 };
const SMTP_PASS = 'smtp-app-password';
const sink = await startSmtpSink({ user: 'owner@example.com', pass: SMTP_PASS });

beforeAll(async () => {
  h = await startHarness({ config: { channels: testChannels() } });
  f = await rolesFixture(h.app);
  ada = await adaWithHistory(h.app, f);
  provider = await loopbackProvider();
}, 120_000);

afterAll(async () => {
  // The provider is shared with the worker's later test files: leave it with its default replies.
  provider?.reset();
  await h?.close();
  await sink.close();
});

async function signedIn(actor: 'OWNER' | 'MEMBER') {
  const opened = await h.signedInPage(f.clients[actor].cookie!, f.workspaceGid);
  opened.context.setDefaultTimeout(15_000);
  return opened;
}

const contactPath = () => `/contacts/${ada.ada}`;

describe('Kith web app: AI on what the user selects', () => {
  it('shows no AI anywhere while the instance has no provider', async () => {
    onTestFailed(() => h.screenshotAll('ai-off-failure'));
    const { page, consoleErrors } = await signedIn('OWNER');
    await page.goto(contactPath());
    await page.getByRole('heading', { name: 'Ada Lovelace', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    expect(await page.getByRole('heading', { name: 'AI assistant' }).count()).toBe(0);
    await page.goto('/contacts');
    await page.getByRole('button', { name: 'New contact' }).waitFor();
    expect(await page.getByRole('button', { name: 'Contact from text' }).count()).toBe(0);
    await page.goto('/settings/workspace');
    await page.getByText('AI is not set up on this Kith instance').waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it('lets an admin turn AI on, then summarises the ticked items after showing what will be sent', async () => {
    onTestFailed(() => h.screenshotAll('ai-summary-failure'));
    h.app.services.config.ai = aiConfigFor(provider);
    provider.reset();
    const { page, consoleErrors } = await signedIn('OWNER');
    await page.goto('/settings/workspace');
    await page.getByText('The provider serves: kith-test-model.').waitFor();
    const toggle = page.getByRole('checkbox', { name: 'Use AI in this workspace' });
    await toggle.check();
    await expect.poll(() => h.app.prisma.aiWorkspaceSetting.count({ where: { workspaceId: f.workspaceId, enabled: true } }), WAIT).toBe(1);

    await page.goto(contactPath());
    const panel = page.getByRole('region', { name: 'AI assistant' });
    await panel.waitFor();
    // The five newest items are ticked; the user may tick another number, then change single items.
    const ticked = () => panel.locator('.ai-selection input:checked').count();
    expect(await ticked()).toBe(5);
    await panel.getByLabel('Tick the newest').fill('2');
    await panel.getByLabel('Tick the newest').dispatchEvent('change');
    await expect.poll(ticked, WAIT).toBe(2);
    await panel.getByLabel('Tick the newest').fill('5');
    await panel.getByLabel('Tick the newest').dispatchEvent('change');
    await expect.poll(ticked, WAIT).toBe(5);
    // Untick one, tick the older note.
    await panel.getByRole('checkbox', { name: /Private musings/ }).uncheck();
    await panel.getByRole('checkbox', { name: /Met at the analytical engine fair/ }).check();
    provider.enqueue({ content: 'Ada wants a quote for three engines [1].', chunks: ['Ada wants ', 'a quote for ', 'three engines [1].'] });
    await panel.getByRole('button', { name: 'Summarise' }).click();
    const preview = page.getByRole('dialog', { name: 'What will be sent' });
    await preview.waitFor();
    expect(await preview.textContent()).toContain('Met at the analytical engine fair');
    expect(await preview.textContent()).not.toContain('Private musings');
    expect(provider.completions).toHaveLength(0); // nothing sent before Send
    await h.screenshot(page, 'ai-what-will-be-sent');
    await preview.getByRole('button', { name: 'Send' }).click();
    await panel.getByText('Ada wants a quote for three engines [1].').waitFor();
    await panel.getByText(/^Drew on: Note/).waitFor();
    const sent = provider.completions[0]!;
    expect(sent.body).toMatchObject({ stream: true, store: false });
    expect(sent.raw).toContain('Met at the analytical engine fair');
    expect(sent.raw).not.toContain('Private musings');
    await h.screenshot(page, 'ai-summary');

    // The preview shows before the first request of a kind only.
    provider.enqueue({ content: 'Again.' });
    await panel.getByRole('button', { name: 'Summarise' }).click();
    await panel.getByText('Again.').waitFor();
    expect(await page.getByRole('dialog', { name: 'What will be sent' }).count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it('drafts a reply, lets the user edit it, and saves it as a communication', async () => {
    onTestFailed(() => h.screenshotAll('ai-draft-failure'));
    provider.reset();
    const { page, consoleErrors } = await signedIn('OWNER');
    await page.goto(contactPath());
    const form = page.getByRole('form', { name: 'Draft a reply' });
    await form.waitFor();
    const source = await form
      .getByLabel('Reply to')
      .locator('option', { hasText: /: Quote$/ })
      .getAttribute('value');
    await form.getByLabel('Reply to').selectOption(source);
    await form.getByLabel('Tone').selectOption('FORMAL');
    provider.enqueue({ content: 'Dear Ada, the quote follows on Thursday.' });
    await form.getByRole('button', { name: 'Draft' }).click();
    await page.getByRole('dialog', { name: 'What will be sent' }).getByRole('button', { name: 'Send' }).click();
    const body = page.getByLabel('Draft (edit before saving)');
    await expect.poll(() => body.inputValue(), WAIT).toBe('Dear Ada, the quote follows on Thursday.');
    expect(provider.completions[0]!.body!.messages[0].content).toContain('in a formal tone');
    expect(provider.completions[0]!.body).toMatchObject({ stream: true });
    await page.getByText('Subject: Re: Quote').waitFor();
    await body.fill('Dear Ada, the quote follows on Thursday. Kind regards, Owner');
    expect(await h.app.prisma.communication.count({ where: { direction: 'OUTBOUND' } })).toBe(1); // the call only: nothing saved yet
    await page.getByRole('button', { name: 'Save as email' }).click();
    await page.getByText('Saved to the timeline.').waitFor();
    const saved = await h.app.prisma.communication.findFirstOrThrow({ where: { direction: 'OUTBOUND', kind: 'EMAIL' } });
    expect(saved).toMatchObject({ subject: 'Re: Quote', body: 'Dear Ada, the quote follows on Thursday. Kind regards, Owner' });
    await page.getByRole('region', { name: 'Timeline' }).getByText('Re: Quote').first().waitFor();
    await h.screenshot(page, 'ai-draft-saved');
    expect(consoleErrors).toEqual([]);
  });

  it('drafts a reply to a logged email and sends it, edited, to the person who wrote', async () => {
    onTestFailed(() => h.screenshotAll('ai-draft-send-failure'));
    provider.reset();
    await f.clients.OWNER.ok(`mutation($input: SmtpAccountInput!) { setMySmtpAccount(input: $input) { host } }`, {
      input: { host: '127.0.0.1', port: sink.port, secure: false, username: 'owner@example.com', password: SMTP_PASS, fromAddress: 'owner@acme.test' },
    });
    const { page, consoleErrors } = await signedIn('OWNER');
    await page.goto(contactPath());
    const form = page.getByRole('form', { name: 'Draft a reply' });
    await form.waitFor();
    const source = await form
      .getByLabel('Reply to')
      .locator('option', { hasText: /inbound.*: Quote$/ })
      .getAttribute('value');
    await form.getByLabel('Reply to').selectOption(source);
    provider.enqueue({ content: 'Hello Ada, the quote is attached.' });
    await form.getByRole('button', { name: 'Draft' }).click();
    await page.getByRole('dialog', { name: 'What will be sent' }).getByRole('button', { name: 'Send' }).click();
    const body = page.getByLabel('Draft (edit before saving)');
    await expect.poll(() => body.inputValue(), WAIT).toBe('Hello Ada, the quote is attached.');
    await body.fill('Hello Ada, the quote follows tomorrow.');
    await page.getByRole('button', { name: 'Send as email…' }).click();
    const compose = page.getByRole('form', { name: 'Send an email' });
    expect(await compose.getByLabel('To').inputValue()).toBe('ada@example.org');
    expect(await compose.getByLabel('Message').inputValue()).toBe('Hello Ada, the quote follows tomorrow.');
    expect(sink.received).toHaveLength(0);
    await compose.getByRole('button', { name: 'Send email' }).click();
    await page.getByText('Sent, and on the timeline.').waitFor();
    await expect.poll(() => sink.received.length, WAIT).toBe(1);
    const mail = sink.received[0]!.parsed;
    expect([mail.subject, mail.text?.trim(), sink.received[0]!.envelopeTo]).toEqual([
      'Re: Quote',
      'Hello Ada, the quote follows tomorrow.',
      ['ada@example.org'],
    ]);
    const sent = await h.app.prisma.communication.findFirstOrThrow({
      where: { direction: 'OUTBOUND', kind: 'EMAIL', body: 'Hello Ada, the quote follows tomorrow.' },
    });
    expect(sent.subject).toBe('Re: Quote');
    expect(provider.completions).toHaveLength(1);
    expect(consoleErrors).toEqual([]);
  });

  it('reads a contact from pasted text, lets the user correct it, and creates it', async () => {
    onTestFailed(() => h.screenshotAll('ai-extract-failure'));
    provider.reset();
    const { page, consoleErrors } = await signedIn('OWNER');
    await page.goto('/contacts');
    await page.getByRole('button', { name: 'Contact from text' }).click();
    const form = page.getByRole('form', { name: 'Contact from text' });
    await form
      .getByLabel('Paste a signature, a profile or a badge')
      .fill('Grace Hopper\nRear Admiral, US Navy\ngrace@navy.example\nlinkedin.com/in/gracehopper');
    provider.enqueue({
      json: {
        firstName: 'Grace',
        lastName: 'Hopper',
        jobTitle: 'Rear Admiral',
        companyName: 'US Navy',
        location: null,
        emails: ['grace@navy.example'],
        phones: [],
        profileUrls: ['linkedin.com/in/gracehopper'],
      },
    });
    await form.getByRole('button', { name: 'Read contact' }).click();
    await page.getByRole('dialog', { name: 'What will be sent' }).getByRole('button', { name: 'Send' }).click();
    const check = page.getByRole('form', { name: 'Check the contact' });
    await expect.poll(() => check.getByLabel('First name').inputValue(), WAIT).toBe('Grace');
    expect(await check.getByLabel('Emails (one a line)').inputValue()).toBe('grace@navy.example');
    await check.getByLabel('Job title').fill('Rear Admiral (retired)');
    await h.screenshot(page, 'ai-extract-preview');
    await check.getByRole('button', { name: 'Create contact' }).click();
    await page.getByRole('heading', { name: 'Grace Hopper', level: 1 }).waitFor();
    const created = await h.app.prisma.contact.findFirstOrThrow({ where: { firstName: 'Grace' }, include: { emails: true } });
    expect(created).toMatchObject({ lastName: 'Hopper', jobTitle: 'Rear Admiral (retired)' });
    expect(created.emails.map((e) => e.email)).toEqual(['grace@navy.example']);
    expect(consoleErrors).toEqual([]);
  });

  it('says when the month’s budget is spent and offers no request, while the rest of the page works', async () => {
    onTestFailed(() => h.screenshotAll('ai-budget-failure'));
    h.app.services.config.ai!.monthlyTokenBudget = 10; // already used more than that above
    const { page, consoleErrors } = await signedIn('OWNER');
    await page.goto(contactPath());
    const panel = page.getByRole('region', { name: 'AI assistant' });
    await panel.getByRole('alert').getByText('This workspace has used its AI budget for the month.', { exact: false }).waitFor();
    expect(await panel.getByRole('button', { name: 'Summarise' }).isDisabled()).toBe(true);
    await page.getByLabel('Add a note').fill('Still working without AI');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('region', { name: 'Timeline' }).getByText('Still working without AI').waitFor();
    await h.screenshot(page, 'ai-budget-exhausted');
    // The owner sees the month's tokens per feature and per member on the usage page.
    await page.goto('/settings/usage');
    const perFeature = page.getByRole('table', { name: 'AI tokens per feature' });
    await perFeature.getByRole('row', { name: /Summary/ }).waitFor();
    await perFeature.getByRole('row', { name: /Draft reply/ }).waitFor();
    await page
      .getByRole('table', { name: 'AI tokens per member' })
      .getByRole('row', { name: /Owner Person/ })
      .waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it('hides every AI control once an admin turns AI off', async () => {
    onTestFailed(() => h.screenshotAll('ai-workspace-off-failure'));
    const { page, consoleErrors } = await signedIn('OWNER');
    await page.goto('/settings/workspace');
    await page.getByRole('checkbox', { name: 'Use AI in this workspace' }).uncheck();
    await expect.poll(() => h.app.prisma.aiWorkspaceSetting.count({ where: { workspaceId: f.workspaceId, enabled: false } }), WAIT).toBe(1);
    await page.goto(contactPath());
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    expect(await page.getByRole('region', { name: 'AI assistant' }).count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
