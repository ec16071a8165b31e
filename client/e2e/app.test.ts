// The web app end to end in Chromium: sign up, verify from the dev outbox, create a company, a contact
// and a deal, move the deal on the board, then a viewer (invited, accepted) sees records but no edit controls.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { globalId } from '../../server/test/fixtures.js';
import { startHarness, type Harness } from './harness.js';

const PASSWORD = 'violet lantern orbits 7 quiet harbors';
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, 120_000);

afterAll(async () => {
  await h?.close();
});

async function signUp(page: Page, name: string, email: string, workspace: string, birthDate: string) {
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Workspace name').fill(workspace);
  await page.getByLabel('Birth date').fill(birthDate);
  await page.getByRole('button', { name: 'Create account' }).click();
}

describe('Kith web app', () => {
  it('runs the main journey and hides editing from a viewer', async () => {
    onTestFailed(() => h.screenshotAll('failure'));
    const owner = await h.newPage();
    const page = owner.page;

    // Signed out: the app sends you to sign in; sign-up refuses under-16s.
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await h.screenshot(page, '01-sign-in');
    await page.getByRole('link', { name: 'Create an account' }).click();
    const tooYoung = new Date(Date.now() - 10 * 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await signUp(page, 'Olivia Owner', 'olivia@example.com', 'Acme Sales', tooYoung);
    await page.getByRole('alert').filter({ hasText: 'only for people aged 16 or older' }).waitFor();
    await h.screenshot(page, '02-sign-up-refused');
    await page.getByLabel('Birth date').fill('1990-04-12');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: /Contacts/ }).waitFor();
    await page.getByText('No contacts yet.').waitFor();
    await page.getByText('Confirm your email address').waitFor();

    // Verify from the dev outbox.
    await page.goto(await h.outboxLink('olivia@example.com', '/verify-email'));
    await page.getByText('Your email address is confirmed.').waitFor();
    await page.getByRole('link', { name: 'Go to Kith' }).click();
    await page.getByRole('heading', { name: /Contacts/ }).waitFor();
    expect(await page.getByText('Confirm your email address').count()).toBe(0);

    // A company, then a contact at it, edited inline, with a note.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Companies' }).click();
    await page.getByRole('button', { name: 'New company' }).click();
    await page.getByLabel('Company name').fill('Acme Ltd');
    await page.getByLabel('Domain').fill('acme.example');
    await page.getByRole('button', { name: 'Create company' }).click();
    await page.getByRole('heading', { name: 'Acme Ltd', level: 1 }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('button', { name: 'New contact' }).click();
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Lovelace');
    await page.getByLabel('Email').fill('ada@acme.example');
    await page.getByLabel('Company').selectOption({ label: 'Acme Ltd' });
    await page.getByRole('button', { name: 'Create contact' }).click();
    await page.getByRole('heading', { name: 'Ada Lovelace', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Edit job title' }).click();
    await page.getByLabel('Job title').fill('Chief Analyst');
    await page.keyboard.press('Enter');
    await page.getByText('Chief Analyst at Acme Ltd').waitFor();
    // After a reload the company select shows the contact's company, though its options load after the page.
    await page.reload();
    await page.getByText('Chief Analyst at Acme Ltd').waitFor();
    await page.locator('#contact-company option', { hasText: 'Acme Ltd' }).waitFor({ state: 'attached' });
    expect(await page.locator('#contact-company option:checked').textContent()).toBe('Acme Ltd');
    await page.getByLabel('Add a note').fill('Met at the engine conference.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Met at the engine conference.').waitFor();
    await h.screenshot(page, '03-contact-detail');

    await page.getByRole('link', { name: 'Contacts' }).first().click();
    await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Ada Lovelace' }).waitFor();
    await h.screenshot(page, '04-contacts-list');

    // A deal, moved on the board by dragging; the API has the new stage.
    await page.goto('/deals/board');
    await page.getByRole('button', { name: 'New deal' }).click();
    await page.getByLabel('Deal name').fill('Acme rollout');
    await page.getByLabel('Amount').fill('12000');
    await page.getByLabel('Company').selectOption({ label: 'Acme Ltd' });
    await page.getByRole('button', { name: 'Create deal' }).click();
    await page.getByRole('heading', { name: 'Acme rollout', level: 1 }).waitFor();
    await page.goto('/deals/board');
    const columns = page.locator('.column');
    await columns.first().locator('[data-deal="Acme rollout"]').waitFor();
    const target = columns.nth(1);
    const targetStage = (await target.getAttribute('data-stage'))!;
    await columns.first().locator('[data-deal="Acme rollout"]').dragTo(target);
    await target.locator('[data-deal="Acme rollout"]').waitFor();
    await page.getByRole('img', { name: /Pipeline value by stage/ }).waitFor();
    await expect.poll(async () => (await h.app.prisma.deal.findFirstOrThrow({ include: { stage: true } })).stage.name).toBe(targetStage);
    await page.reload();
    await page.locator(`.column[data-stage="${targetStage}"] [data-deal="Acme rollout"]`).waitFor();
    await h.screenshot(page, '05-deal-board');

    // Preferences apply at once and are kept on the account (so they follow the user to other devices).
    await page.goto('/settings/preferences');
    await page.getByRole('radio', { name: 'Dark' }).check();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expect.poll(async () => (await h.app.prisma.user.findFirstOrThrow({ where: { email: 'olivia@example.com' } })).theme).toBe('DARK');

    // Invite a viewer.
    await page.goto('/settings/members');
    await page.getByLabel('Email to invite').fill('victor@example.com');
    await page.getByLabel('Role', { exact: true }).selectOption('VIEWER');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText('victor@example.com · Viewer').waitFor();
    await h.screenshot(page, '06-members');
    expect(owner.consoleErrors).toEqual([]);

    // The viewer signs up from the invitation, verifies, joins, and sees no edit controls.
    const viewer = await h.newPage();
    const v = viewer.page;
    await v.goto(await h.outboxLink('victor@example.com', '/invitations/accept'));
    await v.getByRole('link', { name: 'Create an account' }).click();
    await signUp(v, 'Victor Viewer', 'victor@example.com', 'Victor Home', '1985-01-02');
    await v.getByText('invited victor@example.com to Acme Sales as viewer').waitFor();
    await h.screenshot(v, '07-accept-invitation');
    await v.goto(await h.outboxLink('victor@example.com', '/verify-email'));
    await v.getByText('Your email address is confirmed.').waitFor();
    await v.goto(await h.outboxLink('victor@example.com', '/invitations/accept'));
    await v.getByRole('button', { name: 'Join Acme Sales' }).click();
    await v.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Ada Lovelace' }).click();
    await v.getByRole('heading', { name: 'Ada Lovelace', level: 1 }).waitFor();
    await v.getByText('Met at the engine conference.').waitFor();
    expect(await v.getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    expect(await v.getByLabel('Add a note').count()).toBe(0);
    await h.screenshot(v, '08-viewer-contact');
    await v.goto('/contacts');
    await v.getByRole('table', { name: 'Contacts' }).waitFor();
    expect(await v.getByRole('button', { name: 'New contact' }).count()).toBe(0);
    expect(await v.getByRole('checkbox', { name: /^Select/ }).count()).toBe(0);
    await v.goto('/deals/board');
    await v.locator('[data-deal="Acme rollout"]').waitFor();
    expect(await v.locator('[data-deal="Acme rollout"]').getAttribute('draggable')).toBe('false');
    expect(await v.getByLabel(/^Move .* to stage$/).count()).toBe(0);

    // And the API refuses the edit the UI does not offer.
    const contactId = (await h.app.prisma.contact.findFirstOrThrow()).id;
    const refusal = await v.evaluate(
      async (id) => {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-kith-csrf': '1' },
          body: JSON.stringify({
            query: 'mutation($id: ID!) { updateContact(id: $id, input: { jobTitle: "Hacked" }) { id } }',
            variables: { id },
          }),
        });
        return (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      },
      globalId('Contact', contactId),
    );
    expect(refusal.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(viewer.consoleErrors).toEqual([]);

    // A long list keeps only the visible rows in the page and loads the next page on scroll.
    const workspace = await h.app.prisma.workspace.findFirstOrThrow({ where: { name: 'Acme Sales' } });
    await h.app.prisma.contact.createMany({
      data: Array.from({ length: 10_000 }, (_, i) => ({ workspaceId: workspace.id, firstName: 'Bulk', lastName: `Person ${String(i).padStart(5, '0')}` })),
    });
    await page.goto('/contacts');
    const table = page.getByRole('table', { name: 'Contacts' });
    await expect.poll(() => table.getAttribute('aria-rowcount')).toBe('10002');
    expect(await table.getByRole('row').count()).toBeLessThan(40);
    await page.locator('.vbody').evaluate((body) => body.scrollTo(0, body.scrollHeight));
    await expect.poll(() => page.locator('.vspace').evaluate((space) => (space as HTMLElement).style.height)).toBe(`${200 * 44}px`);
    expect(await table.getByRole('row').count()).toBeLessThan(40);

    // Phone width: the same app, navigation behind a menu button.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/deals/board');
    await page.locator('[data-deal="Acme rollout"]').waitFor();
    await h.screenshot(page, '09-board-phone');
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await table.waitFor();
    await h.screenshot(page, '10-contacts-phone');
    expect(owner.consoleErrors).toEqual([]);
  }, 180_000);
});
