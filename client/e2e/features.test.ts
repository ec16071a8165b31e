// Issue 8's screens end to end, two people in one workspace: the live feed and live record pages, the
// search palette by keyboard, notes with comments and mentions, a file upload, a merge, and a form from
// the builder to its public page. One server and browser for the file; records are written through the API.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { createDefaultPipeline } from '../../server/modules/pipelines/pipeline.service.js';
import { rolesFixture, type RolesFixture } from '../../server/test/fixtures.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let f: RolesFixture;

beforeAll(async () => {
  h = await startHarness();
  f = await rolesFixture(h.app);
  await createDefaultPipeline(h.app.prisma, f.workspaceId);
}, 120_000);

afterAll(async () => {
  await h?.close();
});

/** A page signed in as a fixture member (session cookie and chosen workspace set up front). */
async function signedIn(actor: 'OWNER' | 'MEMBER' | 'VIEWER') {
  return h.signedInPage(f.clients[actor].cookie!, f.workspaceGid);
}

const owner = () => f.clients.OWNER;

async function createContact(input: Record<string, unknown>): Promise<string> {
  const data = await owner().ok<{ createContact: { id: string } }>(`mutation($i: ContactInput!) { createContact(input: $i) { id } }`, { i: input });
  return data.createContact.id;
}

async function openPalette(page: Page, query: string) {
  await page.keyboard.press('Control+k');
  const input = page.getByRole('combobox', { name: /Search contacts/ });
  await input.waitFor();
  await input.fill(query);
  return input;
}

describe('Kith web app: search, live feed, notes, files, merge, forms', () => {
  it('shows one member live what another does, and finds records from the palette', async () => {
    onTestFailed(() => h.screenshotAll('features-failure'));
    const company = await owner().ok<{ createCompany: { id: string } }>(`mutation { createCompany(input: { name: "Globex" }) { id } }`);
    const graceId = await createContact({ firstName: 'Grace', lastName: 'Hopper', primaryEmail: 'grace@globex.example', companyId: company.createCompany.id });

    const a = await signedIn('OWNER');
    const b = await signedIn('MEMBER');
    await b.page.goto('/contacts');
    await b.page.getByRole('button', { name: 'Activity feed' }).click();
    const feed = b.page.getByRole('complementary', { name: 'Live activity' });
    await feed.getByText('created contact').first().waitFor();

    // The owner creates a deal and moves it; the member's panel shows both without a reload.
    await a.page.goto('/deals/board');
    await a.page.getByRole('button', { name: 'New deal' }).click();
    await a.page.getByLabel('Deal name').fill('Globex expansion');
    await a.page.getByLabel('Amount').fill('5000');
    await a.page.getByRole('button', { name: 'Create deal' }).click();
    await a.page.getByRole('heading', { name: 'Globex expansion', level: 1 }).waitFor();
    await feed.getByRole('link', { name: 'Globex expansion' }).first().waitFor();
    await feed
      .getByText(/Owner Person\s+created deal/)
      .first()
      .waitFor();
    await a.page.getByRole('button', { name: 'Edit stage' }).click();
    const stageSelect = a.page.getByLabel('Stage');
    const nextStage = (await stageSelect.locator('option').nth(1).textContent())!;
    await stageSelect.selectOption({ index: 1 });
    await a.page.getByRole('button', { name: 'Save' }).click();
    await feed.getByText(new RegExp(`moved deal\\s+Globex expansion\\s+from .* to ${nextStage}`)).waitFor();
    await h.screenshot(b.page, '20-feed-panel');

    // The member opens the deal from the feed; the owner renames it and the open page follows.
    await feed.getByRole('link', { name: 'Globex expansion' }).first().click();
    await b.page.getByRole('heading', { name: 'Globex expansion', level: 1 }).waitFor();
    await a.page.getByRole('button', { name: 'Edit name' }).click();
    await a.page.getByLabel('Name', { exact: true }).fill('Globex expansion II');
    await a.page.keyboard.press('Enter');
    await b.page.getByRole('heading', { name: 'Globex expansion II', level: 1 }).waitFor();

    // The palette: a typo finds the contact, arrows and Enter open it, Escape closes.
    await a.page.goto('/contacts');
    await a.page.getByRole('button', { name: /^Search/ }).waitFor();
    const input = await openPalette(a.page, 'hoper');
    const option = a.page.getByRole('option', { name: /Grace Hopper/ });
    await option.waitFor();
    await a.page.getByRole('group', { name: /Contacts/ }).waitFor();
    expect(await option.locator('mark').count()).toBeGreaterThan(0);
    await h.screenshot(a.page, '21-search-palette');
    await input.press('Enter');
    await a.page.waitForURL(`**/contacts/${graceId}`);
    await a.page.getByRole('heading', { name: 'Grace Hopper', level: 1 }).waitFor();
    expect(await a.page.getByRole('dialog').count()).toBe(0);

    // A prefix finds the deal; ArrowDown moves to it when it is not first.
    await openPalette(a.page, 'globex exp');
    await a.page.getByRole('option', { name: /Globex expansion II/ }).waitFor();
    const options = await a.page.getByRole('option').allTextContents();
    const target = options.findIndex((text) => text.includes('Globex expansion II'));
    for (let i = 0; i < target; i++) await a.page.keyboard.press('ArrowDown');
    await a.page.keyboard.press('Enter');
    await a.page.getByRole('heading', { name: 'Globex expansion II', level: 1 }).waitFor();
    await a.page.keyboard.press('Control+k');
    await a.page.getByRole('dialog').waitFor();
    await a.page.keyboard.press('Tab');
    await a.page.keyboard.press('Tab');
    expect(await a.page.evaluate(() => Boolean(document.activeElement?.closest('dialog')))).toBe(true);
    await a.page.keyboard.press('Escape');
    await a.page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(a.consoleErrors).toEqual([]);
    expect(b.consoleErrors).toEqual([]);
    await a.context.close();
    await b.context.close();
  }, 120_000);

  it('adds a note with a comment mentioning a member, uploads a file, merges duplicates', async () => {
    onTestFailed(() => h.screenshotAll('features-failure'));
    const company = await owner().ok<{ createCompany: { id: string } }>(`mutation { createCompany(input: { name: "Bletchley" }) { id } }`);
    const alan = await createContact({ firstName: 'Alan', lastName: 'Turing', primaryEmail: 'alan@bletchley.example', companyId: company.createCompany.id });
    await createContact({ firstName: 'Alan', lastName: 'Turing', primaryEmail: 'a.turing@bletchley.example', companyId: company.createCompany.id });
    const { page, consoleErrors } = await signedIn('OWNER');

    await page.goto(`/contacts/${alan}`);
    await page.getByRole('heading', { name: 'Alan Turing', level: 1 }).waitFor();
    await page.getByLabel('Add a note').fill('Call **Alan** back about the *bombe*.');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByLabel('Preview').locator('strong', { hasText: 'Alan' }).waitFor();
    await page.getByRole('button', { name: 'Add note' }).click();
    const note = page.locator('.timeline-item', { hasText: 'Call Alan back' });
    await note.locator('strong', { hasText: 'Alan' }).waitFor();
    await note.getByRole('button', { name: 'Comments' }).click();
    const comment = note.getByRole('textbox', { name: 'Write a comment' });
    await comment.fill('Over to you @Mem');
    await note.getByRole('option', { name: 'Member Person' }).waitFor();
    await comment.press('Enter');
    expect(await comment.inputValue()).toBe('Over to you @Member Person ');
    await comment.pressSequentially('please');
    await note.getByRole('button', { name: 'Comment', exact: true }).click();
    await note.getByText('Mentioned: Member Person').waitFor();
    const stored = await h.app.prisma.comment.findFirstOrThrow({ include: { mentions: true } });
    expect(stored.mentions.map((m) => m.userId)).toEqual([f.users.MEMBER.id]);

    // A file, with its progress bar, then in the list with a download link.
    await page
      .getByLabel('Attach a file')
      .setInputFiles({ name: 'minutes.txt', mimeType: 'text/plain', buffer: Buffer.from('Minutes of the meeting.\n'.repeat(2000)) });
    const link = page.getByRole('link', { name: 'minutes.txt' }).first();
    await link.waitFor();
    const download = await page.evaluate(async (href) => (await fetch(href)).text(), (await link.getAttribute('href'))!);
    expect(download.startsWith('Minutes of the meeting.')).toBe(true);
    await h.screenshot(page, '22-contact-note-comment-file');

    // Merge: keep the first, confirm, one Alan Turing is left.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Duplicates' }).click();
    const pair = page.locator('.pair', { hasText: 'alan@bletchley.example' });
    await pair.getByRole('radio', { name: /Keep Alan Turing \(alan@bletchley/ }).check();
    await pair.getByRole('button', { name: 'Merge…' }).click();
    await h.screenshot(page, '23-duplicates-confirm');
    await pair.getByRole('button', { name: 'Confirm merge' }).click();
    await page.getByText('Alan Turing (a.turing@bletchley.example) was merged into Alan Turing (alan@bletchley.example).').waitFor();
    await page.getByText('No duplicate contacts found.').waitFor();
    const left = await owner().ok<{ contacts: { edges: { node: { id: string } }[] } }>(`{ contacts(filter: { text: "Turing" }) { edges { node { id } } } }`);
    expect(left.contacts.edges.map((e) => e.node.id)).toEqual([alan]);
    expect(consoleErrors).toEqual([]);

    // A viewer sees suggestions and threads but no merge, upload or comment controls.
    await createContact({ firstName: 'Ada', lastName: 'King', phones: [{ number: '+44 20 7946 0000' }] });
    await createContact({ firstName: 'Ada', lastName: 'Lovelace', phones: [{ number: '+44 20 7946 0000' }] });
    const viewer = await signedIn('VIEWER');
    await viewer.page.goto('/duplicates');
    await viewer.page.locator('.pair', { hasText: 'Ada King' }).waitFor();
    expect(await viewer.page.getByRole('button', { name: 'Merge…' }).count()).toBe(0);
    await viewer.page.goto(`/contacts/${alan}`);
    await viewer.page.getByRole('link', { name: 'minutes.txt' }).first().waitFor();
    expect(await viewer.page.getByLabel('Attach a file').count()).toBe(0);
    await viewer.page.getByRole('button', { name: 'Comments' }).first().click();
    await viewer.page.getByText('Mentioned: Member Person').waitFor();
    expect(await viewer.page.getByRole('textbox', { name: 'Write a comment' }).count()).toBe(0);
    expect(viewer.consoleErrors).toEqual([]);
    await viewer.context.close();
  }, 120_000);

  it('builds a form and takes a submission on its public page', async () => {
    onTestFailed(() => h.screenshotAll('features-failure'));
    const { page, consoleErrors } = await signedIn('OWNER');
    await page.goto('/forms');
    await page.getByText('No forms yet.').waitFor();
    await page.getByRole('link', { name: 'New form' }).click();
    await page.getByLabel('Form name').fill('Newsletter');
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.getByLabel('Label of field 4').fill('Role at work');
    await page.getByLabel('Field 4 fills').selectOption('JOB_TITLE');
    await h.screenshot(page, '24-form-builder');
    await page.getByRole('button', { name: 'Create form' }).click();
    await page.getByRole('heading', { name: 'Newsletter', level: 1 }).waitFor();
    const form = await h.app.prisma.form.findFirstOrThrow({ where: { name: 'Newsletter' } });
    expect((form.fields as Array<{ key: string; mapsTo: string }>).map((x) => [x.key, x.mapsTo])).toEqual([
      ['email', 'EMAIL'],
      ['first_name', 'FIRST_NAME'],
      ['last_name', 'LAST_NAME'],
      ['role_at_work', 'JOB_TITLE'],
    ]);
    await page.getByRole('link', { name: 'Forms' }).first().click();
    await page.getByRole('table', { name: 'Forms' }).getByRole('link', { name: 'Newsletter', exact: true }).waitFor();
    expect(consoleErrors).toEqual([]);

    // Anyone, signed out, at phone width: the honeypot stays out of sight.
    const visitor = await h.newPage();
    const v = visitor.page;
    await v.setViewportSize({ width: 390, height: 844 });
    await v.goto(`/f/${form.publicKey}`);
    await v.getByLabel('Email (required)').fill('reader@example.com');
    await v.getByLabel('First name').fill('Rita');
    await v.getByLabel('Role at work').fill('Editor');
    expect(await v.locator('#website_url').evaluate((el) => el.getBoundingClientRect().right <= 0)).toBe(true);
    expect(await v.getByRole('textbox', { name: 'Leave this field empty' }).count()).toBe(0);
    await h.screenshot(v, '25-public-form-phone');
    await v.getByRole('button', { name: 'Send' }).click();
    await v.getByText('Thank you! Your answers were sent.').waitFor();
    const found = await owner().ok<{ contactByEmail: { firstName: string; jobTitle: string } | null }>(
      `{ contactByEmail(email: "reader@example.com") { firstName jobTitle } }`,
    );
    expect(found.contactByEmail).toEqual({ firstName: 'Rita', jobTitle: 'Editor' });
    expect(visitor.consoleErrors).toEqual([]);

    // The palette at phone width.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/contacts');
    await page.getByRole('button', { name: /^Search/ }).click();
    await page.getByRole('combobox', { name: /Search contacts/ }).fill('rita');
    await page.getByRole('option', { name: /Rita/ }).waitFor();
    await h.screenshot(page, '26-search-phone');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Activity feed' }).click();
    await page
      .getByRole('complementary', { name: 'Live activity' })
      .getByText(/created contact\s+Rita/)
      .waitFor();
    await h.screenshot(page, '27-feed-phone');
    await page.keyboard.press('Escape');
    await page.getByRole('complementary', { name: 'Live activity' }).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Activity feed');
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});
