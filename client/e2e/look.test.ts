// Issue 20's first run and the look of the app in Chromium: a new workspace's three paths (import, sample
// data, invite) and its checklist; axe-core on every screen, light and dark; keyboard paths through a list,
// the board and the search palette; no missing glyphs; screenshots of the main screens at 1280 and 390 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { createDefaultPipeline } from '../../server/modules/pipelines/pipeline.service.js';
import { rolesFixture, STRONG_PASSWORD, type RolesFixture } from '../../server/test/fixtures.js';
import { expectAccessible, startHarness, type Harness } from './harness.js';

let h: Harness;
let f: RolesFixture;

beforeAll(async () => {
  h = await startHarness();
  f = await rolesFixture(h.app);
  await createDefaultPipeline(h.app.prisma, f.workspaceId);
  await f.clients.OWNER.ok(`mutation { addSampleData { id } }`);
}, 120_000);

afterAll(async () => {
  await h?.close();
});

const WIDTHS = { desktop: 1280, phone: 390 } as const;

/** Waits until the screen's heading is there and nothing is loading. */
async function settled(page: Page) {
  await page.locator('main h1').first().waitFor();
  await expect.poll(() => page.locator('.state.loading').count()).toBe(0);
}

async function visit(page: Page, path: string) {
  await page.goto(path);
  await settled(page);
}

describe('Kith web app: first run and the look', () => {
  it('offers a new workspace three paths and a checklist that follows real records', async () => {
    onTestFailed(() => h.screenshotAll('look-first-run-failure'));
    const { page, consoleErrors } = await h.newPage();
    await page.goto('/sign-up');
    await page.getByLabel('Your name').fill('Fern First');
    await page.getByLabel('Email').fill('fern@example.com');
    await page.getByLabel('Password').fill(STRONG_PASSWORD);
    await page.getByLabel('Workspace name').fill('Fernwood');
    await page.getByLabel('Birth date').fill('1991-02-03');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('No contacts yet.').waitFor();
    const paths = page.getByRole('list', { name: 'Ways to start' });
    await paths.getByRole('heading', { name: 'Import a file' }).waitFor();
    await expectAccessible(page, 'the first run (empty contacts)');
    for (const [name, width] of Object.entries(WIDTHS)) {
      await page.setViewportSize({ width, height: 860 });
      await h.screenshot(page, `look-first-run-${name}`);
    }
    await page.setViewportSize({ width: WIDTHS.desktop, height: 860 });

    // Path 1: import a file opens the import screen.
    await paths.getByRole('link', { name: 'Import a file' }).click();
    await page.getByRole('heading', { name: 'Import' }).first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/import');

    // Path 2: sample data, marked, then removed in one click.
    await visit(page, '/start');
    const checklist = page.getByRole('region', { name: /First steps/ });
    await checklist.getByText('0 of 4 done').waitFor();
    await expectAccessible(page, 'the first-run page');
    await page.getByRole('button', { name: 'Add sample data' }).click();
    await page
      .getByRole('status')
      .getByText(/Sample data added/)
      .waitFor();
    const banner = page.getByRole('region', { name: 'Sample data' });
    await banner.waitFor();
    // Sample records do not tick the checklist.
    await checklist.getByText('0 of 4 done').waitFor();
    await h.screenshot(page, 'look-first-run-sample-added-desktop');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    const table = page.getByRole('table', { name: 'Contacts' });
    await expect.poll(() => table.getAttribute('aria-rowcount')).toBe('25');
    const workspace = await h.app.prisma.workspace.findFirstOrThrow({ where: { name: 'Fernwood' } });
    expect(await h.app.prisma.sampleRecord.count({ where: { workspaceId: workspace.id, tableName: 'Contact' } })).toBe(24);

    await banner.getByRole('button', { name: 'Remove sample data' }).click();
    await page.getByRole('heading', { name: 'Welcome to Fernwood' }).waitFor();
    await banner.waitFor({ state: 'detached' });
    expect(await h.app.prisma.contact.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await h.app.prisma.sampleRecord.count({ where: { workspaceId: workspace.id } })).toBe(0);

    // Path 3: invite the team (a confirmed address is needed to invite); the checklist ticks "Invite someone", then "Add a contact".
    await page.goto(await h.outboxLink('fern@example.com', '/verify-email'));
    await page.getByText('Your email address is confirmed.').waitFor();
    await visit(page, '/start');
    await page.getByRole('list', { name: 'Ways to start' }).getByRole('link', { name: 'Invite people' }).click();
    await page.getByLabel('Email to invite').fill('gus@example.com');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText('gus@example.com · Member').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Get started' }).click();
    await checklist.getByText('1 of 4 done').waitFor();
    expect(await checklist.getByRole('listitem').filter({ hasText: 'Invite someone' }).textContent()).toContain('(done)');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('button', { name: 'New contact' }).click();
    await page.getByLabel('First name').fill('Real');
    await page.getByLabel('Last name').fill('Person');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await page.getByRole('heading', { name: 'Real Person', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Get started' }).click();
    await checklist.getByText('2 of 4 done').waitFor();
    expect(consoleErrors).toEqual([]);
  }, 180_000);

  it('passes axe on every screen, light and dark, and is captured at desktop and phone width', async () => {
    onTestFailed(() => h.screenshotAll('look-screens-failure'));
    // The helper itself fails on a serious violation.
    const blank = await h.newPage();
    await blank.page.setContent('<html lang="en"><title>x</title><main><img src="data:,"><button></button></main></html>');
    const failure = await expectAccessible(blank.page, 'a broken page').then(
      () => 'no violation',
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/image-alt \(critical\)/);
    expect(failure).toMatch(/button-name \(critical\)/);
    await blank.context.close();

    const { page, consoleErrors } = await h.signedInPage(f.clients.OWNER.cookie!, f.workspaceGid);
    const contact = await h.app.prisma.contact.findFirstOrThrow({ where: { workspaceId: f.workspaceId }, orderBy: { lastName: 'asc' } });
    const company = await h.app.prisma.company.findFirstOrThrow({ where: { workspaceId: f.workspaceId } });
    const deal = await h.app.prisma.deal.findFirstOrThrow({ where: { workspaceId: f.workspaceId } });
    const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
    const captured: Record<string, string> = {
      contacts: '/contacts',
      companies: '/companies',
      deals: '/deals',
      board: '/deals/board',
      contact: `/contacts/${gid('Contact', contact.id)}`,
    };
    const others = [
      `/companies/${gid('Company', company.id)}`,
      `/deals/${gid('Deal', deal.id)}`,
      '/activities',
      '/feed',
      '/forms',
      '/duplicates',
      '/start',
      '/settings',
      '/settings/preferences',
      '/settings/workspace',
      '/settings/members',
      '/settings/api-keys',
      '/settings/webhooks',
      '/settings/audit-log',
      '/settings/import',
      '/settings/export',
      '/settings/usage',
      '/settings/privacy',
      '/settings/channels',
    ];
    for (const theme of ['LIGHT', 'DARK'] as const) {
      await h.app.prisma.user.update({ where: { id: f.users.OWNER.id }, data: { theme } });
      for (const path of [...Object.values(captured), ...others]) {
        await visit(page, path);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme.toLowerCase());
        await expectAccessible(page, `${path} (${theme.toLowerCase()})`);
      }
    }
    await h.app.prisma.user.update({ where: { id: f.users.OWNER.id }, data: { theme: 'LIGHT' } });
    for (const [name, width] of Object.entries(WIDTHS)) {
      await page.setViewportSize({ width, height: 860 });
      for (const [screen, path] of Object.entries(captured)) {
        await visit(page, path);
        // Nothing makes the page wider than the screen (wide content scrolls inside its own box).
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} at ${width}px`).toBe(width);
        await h.screenshot(page, `look-${screen}-${name}`);
      }
      await page.keyboard.press('Control+k');
      await page.getByRole('combobox', { name: /Search contacts/ }).fill(contact.lastName);
      await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().waitFor();
      await expectAccessible(page, `the search palette (${name})`);
      await h.screenshot(page, `look-search-${name}`);
      await page.keyboard.press('Escape');
    }
    expect(consoleErrors).toEqual([]);
  }, 240_000);

  it('works by keyboard through a list, the board and the palette, and draws emoji with an emoji font', async () => {
    onTestFailed(() => h.screenshotAll('look-keyboard-failure'));
    await f.clients.OWNER.ok(`mutation { createContact(input: { firstName: "Zoë", lastName: "Fiesta 🎉" }) { id } }`);
    const { page, consoleErrors } = await h.signedInPage(f.clients.OWNER.cookie!, f.workspaceGid);

    // A list: skip link, then Tab to the first record link, Enter opens it.
    await visit(page, '/contacts');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    const firstLink = page.getByRole('table', { name: 'Contacts' }).getByRole('link').first();
    const name = (await firstLink.textContent())!;
    for (
      let i = 0;
      i < 40 && (await page.evaluate(() => document.activeElement?.closest('[role="table"]') && document.activeElement.tagName === 'A')) !== true;
      i++
    ) {
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(name);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name, level: 1 }).waitFor();

    // The board: a card's stage menu, by keyboard alone.
    await visit(page, '/deals/board');
    const move = page.getByLabel(/^Move .* to stage$/).first();
    const dealId = Buffer.from((await move.getAttribute('id'))!.replace('move-', ''), 'base64')
      .toString()
      .split(':')[1]!;
    const { stageId: before, pipelineId } = await h.app.prisma.deal.findUniqueOrThrow({ where: { id: dealId } });
    const last = await h.app.prisma.pipelineStage.findFirstOrThrow({ where: { pipelineId }, orderBy: { position: 'desc' } });
    await move.focus();
    await page.keyboard.press(before === last.id ? 'ArrowUp' : 'ArrowDown');
    await expect.poll(async () => (await h.app.prisma.deal.findUniqueOrThrow({ where: { id: dealId } })).stageId).not.toBe(before);

    // The palette: Ctrl+K, type, arrows, Enter; the emoji is drawn from a colour-emoji font, not a missing-glyph box.
    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox', { name: /Search contacts/ });
    await input.fill('fiesta');
    const option = page.getByRole('option', { name: /Fiesta/ });
    await option.waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[role="option"] .palette-title' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(fonts.map((font) => font.familyName)).toContain('Noto Color Emoji');
    await h.screenshot(page, 'look-search-emoji-desktop');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Zoë Fiesta 🎉', level: 1 }).waitFor();
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});
