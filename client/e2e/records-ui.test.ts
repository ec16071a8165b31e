// Issue 8's record lists and pages in Chromium: bulk changes (owner, tags, stage, trash) on the contacts
// and deals lists, sorting and filtering companies and deals, logging a call or email into a timeline,
// and the board's per-stage totals and chart following a move. One server and browser for the file;
// records are set up through the API as the owner, each test under its own names.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { createDefaultPipeline } from '../../server/modules/pipelines/pipeline.service.js';
import { globalId, rolesFixture, type RolesFixture } from '../../server/test/fixtures.js';
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

async function signedIn(actor: 'OWNER' | 'MEMBER' | 'VIEWER') {
  return h.signedInPage(f.clients[actor].cookie!, f.workspaceGid);
}

const owner = () => f.clients.OWNER;

async function create(kind: 'Contact' | 'Company' | 'Deal', input: Record<string, unknown>): Promise<string> {
  const data = await owner().ok<Record<string, { id: string }>>(`mutation($i: ${kind}Input!) { create${kind}(input: $i) { id } }`, { i: input });
  return data[`create${kind}`]!.id;
}

/** The record names in a list table, top to bottom. */
const names = (table: Locator) => table.locator('.vbody [role="row"] a').allTextContents();

const localId = (gid: string) => Buffer.from(gid, 'base64').toString().split(':').slice(1).join(':');

async function bulkChange(page: Page, action: string, value: string, count: number, noun: string) {
  const bar = page.getByRole('region', { name: 'Selected records' });
  await bar.getByLabel('Change').selectOption({ label: action });
  const control = bar.locator('#bulk-value');
  if (action === 'Add tag') await control.fill(value);
  else await control.selectOption({ label: value });
  await bar.getByRole('button', { name: `Apply to ${count}` }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `${count} ${noun} updated.` })
    .waitFor({ state: 'attached' });
  await bar.waitFor({ state: 'detached' });
}

describe('Kith web app: record lists, bulk actions, communications, board totals', () => {
  it('bulk-changes owner, tags and stage on contacts and deals, and trashes rows', async () => {
    onTestFailed(() => h.screenshotAll('records-ui-bulk-failure'));
    const ann = await create('Contact', { firstName: 'Ann', lastName: 'Alpha' });
    const ben = await create('Contact', { firstName: 'Ben', lastName: 'Beta' });
    const cid = await create('Contact', { firstName: 'Cid', lastName: 'Gamma' });
    const { page, consoleErrors } = await signedIn('OWNER');
    await page.goto('/contacts');
    const table = page.getByRole('table', { name: 'Contacts' });
    await table.getByRole('link', { name: 'Cid Gamma' }).waitFor();

    // Owner: two rows to the member.
    await table.getByRole('checkbox', { name: 'Select Ann Alpha' }).check();
    await table.getByRole('checkbox', { name: 'Select Ben Beta' }).check();
    await page.getByRole('region', { name: 'Selected records' }).getByText('2 selected').waitFor();
    await h.screenshot(page, '60-bulk-bar');
    await bulkChange(page, 'Owner', 'Member Person', 2, 'contacts');
    await table.getByRole('row', { name: /Ann Alpha.*Member Person/ }).waitFor();
    await table.getByRole('row', { name: /Ben Beta.*Member Person/ }).waitFor();
    expect(await table.getByRole('row', { name: /Cid Gamma.*Member Person/ }).count()).toBe(0);
    const owners = await h.app.prisma.contact.findMany({
      where: { id: { in: [ann, ben, cid].map(localId) } },
      select: { firstName: true, ownerId: true },
      orderBy: { firstName: 'asc' },
    });
    expect(owners.map((c) => c.ownerId === f.users.MEMBER.id)).toEqual([true, true, false]);
    expect(await table.getByRole('checkbox', { checked: true }).count()).toBe(0);

    // A new tag on two rows, then the tag filter shows just them; removing it from one drops that row.
    await table.getByRole('checkbox', { name: 'Select Ann Alpha' }).check();
    await table.getByRole('checkbox', { name: 'Select Cid Gamma' }).check();
    await bulkChange(page, 'Add tag', 'VIP', 2, 'contacts');
    await page.getByLabel('Tag', { exact: true }).selectOption({ label: 'VIP' });
    await expect.poll(() => names(table)).toEqual(['Ann Alpha', 'Cid Gamma']);
    const tagged = await h.app.prisma.contact.findMany({
      where: { tags: { some: { name: 'VIP' } } },
      select: { firstName: true },
      orderBy: { firstName: 'asc' },
    });
    expect(tagged.map((c) => c.firstName)).toEqual(['Ann', 'Cid']);
    await table.getByRole('checkbox', { name: 'Select Ann Alpha' }).check();
    await bulkChange(page, 'Remove tag', 'VIP', 1, 'contact');
    await expect.poll(() => names(table)).toEqual(['Cid Gamma']);

    // Trash: the row leaves the list and is in the trash.
    await page.getByLabel('Tag', { exact: true }).selectOption({ label: 'Any' });
    await table.getByRole('link', { name: 'Ben Beta' }).waitFor();
    await table.getByRole('checkbox', { name: 'Select Ben Beta' }).check();
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('button', { name: 'Confirm: trash 1' }).click();
    await expect.poll(() => names(table)).toEqual(['Ann Alpha', 'Cid Gamma']);
    expect((await h.app.prisma.contact.findUniqueOrThrow({ where: { id: localId(ben) } })).deletedAt).not.toBeNull();

    // Deals: both to the second stage and to the admin; the list shows the stage, the API has both.
    const stages = await h.app.prisma.pipelineStage.findMany({ where: { workspaceId: f.workspaceId }, orderBy: { position: 'asc' } });
    const deals = [
      await create('Deal', { name: 'Bulk deal one', amountMinor: '10000' }),
      await create('Deal', { name: 'Bulk deal two', amountMinor: '20000' }),
    ];
    await page.goto('/deals');
    const dealTable = page.getByRole('table', { name: 'Deals' });
    await dealTable.getByRole('row', { name: new RegExp(`Bulk deal two.*${stages[0]!.name}`) }).waitFor();
    await dealTable.getByRole('checkbox', { name: 'Select Bulk deal one' }).check();
    await dealTable.getByRole('checkbox', { name: 'Select Bulk deal two' }).check();
    await bulkChange(page, 'Stage', stages[1]!.name, 2, 'deals');
    await dealTable.getByRole('row', { name: new RegExp(`Bulk deal one.*${stages[1]!.name}`) }).waitFor();
    await dealTable.getByRole('row', { name: new RegExp(`Bulk deal two.*${stages[1]!.name}`) }).waitFor();
    await dealTable.getByRole('checkbox', { name: 'Select Bulk deal one' }).check();
    await dealTable.getByRole('checkbox', { name: 'Select Bulk deal two' }).check();
    await bulkChange(page, 'Owner', 'Admin Person', 2, 'deals');
    await dealTable.getByRole('row', { name: /Bulk deal one.*Admin Person/ }).waitFor();
    const stored = await owner().ok<{ nodes: { stage: { id: string }; owner: { id: string } }[] }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Deal { stage { id } owner { id } } } }`,
      { ids: deals },
    );
    expect(stored.nodes).toEqual(
      deals.map(() => ({ stage: { id: globalId('PipelineStage', stages[1]!.id) }, owner: { id: globalId('User', f.users.ADMIN.id) } })),
    );
    await dealTable.getByRole('checkbox', { name: 'Select Bulk deal two' }).check();
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('button', { name: 'Confirm: trash 1' }).click();
    await expect.poll(() => names(dealTable)).toEqual(['Bulk deal one']);
    expect(consoleErrors).toEqual([]);

    // A viewer may change nothing: no row selection, so no bulk bar.
    const viewer = await signedIn('VIEWER');
    await viewer.page.goto('/deals');
    await viewer.page.getByRole('table', { name: 'Deals' }).getByRole('link', { name: 'Bulk deal one' }).waitFor();
    expect(await viewer.page.getByRole('checkbox', { name: /^Select/ }).count()).toBe(0);
    expect(viewer.consoleErrors).toEqual([]);
    await viewer.context.close();
    await page.context().close();
  }, 120_000);

  it('sorts by a column header and filters the companies and deals lists', async () => {
    onTestFailed(() => h.screenshotAll('records-ui-lists-failure'));
    for (const [name, domain] of [
      ['Cobalt Mining', 'cobalt.example'],
      ['Aurora Labs', 'aurora.example'],
      ['Borealis Freight', 'borealis.example'],
    ]) {
      await create('Company', { name, domain });
    }
    const { page, consoleErrors } = await signedIn('MEMBER');
    await page.goto('/companies');
    const companies = page.getByRole('table', { name: 'Companies' });
    await expect.poll(() => names(companies)).toEqual(['Aurora Labs', 'Borealis Freight', 'Cobalt Mining']);
    await companies.getByRole('button', { name: 'Name' }).click();
    await expect.poll(() => names(companies)).toEqual(['Cobalt Mining', 'Borealis Freight', 'Aurora Labs']);
    expect(await companies.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('descending');
    await page.getByLabel('Search').fill('bore');
    await expect.poll(() => names(companies)).toEqual(['Borealis Freight']);
    await page.getByLabel('Search').fill('');
    await expect.poll(() => names(companies)).toHaveLength(3);
    // The tag filter, with a tag given to two companies from the bulk bar.
    await companies.getByRole('checkbox', { name: 'Select Aurora Labs' }).check();
    await companies.getByRole('checkbox', { name: 'Select Cobalt Mining' }).check();
    await bulkChange(page, 'Add tag', 'Mining', 2, 'companies');
    await page.getByLabel('Tag', { exact: true }).selectOption({ label: 'Mining' });
    await expect.poll(() => names(companies)).toEqual(['Cobalt Mining', 'Aurora Labs']);
    await h.screenshot(page, '61-companies-sorted-filtered');

    // Deals: by amount both ways, and by status (one is won).
    const stages = await h.app.prisma.pipelineStage.findMany({ where: { workspaceId: f.workspaceId }, orderBy: { position: 'asc' } });
    const won = stages.find((s) => s.isWon)!;
    await create('Deal', { name: 'Sort mid', amountMinor: '50000' });
    await create('Deal', { name: 'Sort big', amountMinor: '900000' });
    const small = await create('Deal', { name: 'Sort small', amountMinor: '10000' });
    await owner().ok(`mutation($id: ID!, $s: ID!) { moveDeal(id: $id, stageId: $s) { id } }`, { id: small, s: globalId('PipelineStage', won.id) });
    await page.goto('/deals');
    const deals = page.getByRole('table', { name: 'Deals' });
    await page.getByLabel('Search').fill('sort');
    await expect.poll(() => names(deals)).toEqual(['Sort big', 'Sort mid', 'Sort small']);
    await deals.getByRole('button', { name: 'Amount' }).click();
    await expect.poll(() => names(deals)).toEqual(['Sort small', 'Sort mid', 'Sort big']);
    expect(await deals.getByRole('columnheader', { name: 'Amount' }).getAttribute('aria-sort')).toBe('ascending');
    await deals.getByRole('button', { name: 'Amount' }).click();
    await expect.poll(() => names(deals)).toEqual(['Sort big', 'Sort mid', 'Sort small']);
    await page.getByLabel('Status').selectOption({ label: 'Won' });
    await expect.poll(() => names(deals)).toEqual(['Sort small']);
    await page.getByLabel('Status').selectOption({ label: 'Open' });
    await expect.poll(() => names(deals)).toEqual(['Sort big', 'Sort mid']);
    await page.getByLabel('Search').fill('');
    await expect.poll(() => names(deals)).toEqual(['Sort big', 'Sort mid', 'Bulk deal one']);
    await h.screenshot(page, '62-deals-sorted-filtered');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('logs a call on a contact and an email on a deal, both shown in the timeline', async () => {
    onTestFailed(() => h.screenshotAll('records-ui-communication-failure'));
    const grace = await create('Contact', { firstName: 'Grace', lastName: 'Hopper', primaryEmail: 'grace@navy.example' });
    const { page, consoleErrors } = await signedIn('MEMBER');
    await page.goto(`/contacts/${grace}`);
    await page.getByRole('heading', { name: 'Grace Hopper', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Log email / call / SMS' }).click();
    await page.getByRole('radio', { name: 'Call' }).check();
    await page.getByLabel('Direction').selectOption({ label: 'Inbound' });
    await page.getByLabel('From').fill('+44 20 7946 0123');
    await page.getByLabel('To').fill('+44 20 7946 0999');
    await page.getByLabel('Duration (minutes)').fill('12');
    await page.getByLabel('Outcome').fill('Agreed a demo');
    await page.getByLabel('Notes').fill('Wants the compiler roadmap.');
    await page.getByLabel('When').fill('2026-03-02T14:30');
    expect(await page.getByLabel('Subject').count()).toBe(0);
    await h.screenshot(page, '63-log-call');
    await page.getByRole('button', { name: 'Log call', exact: true }).click();
    const call = page.locator('.timeline-item', { hasText: 'Wants the compiler roadmap.' });
    await call.getByText('Call (inbound)').waitFor();
    await call.getByText('12 min · Agreed a demo').waitFor();
    await call.getByText('+442079460123 → +442079460999').waitFor();
    const stored = await h.app.prisma.communication.findFirstOrThrow({ include: { contacts: true } });
    expect(stored).toMatchObject({ kind: 'CALL', direction: 'INBOUND', durationSeconds: 720, outcome: 'Agreed a demo', createdById: f.users.MEMBER.id });
    expect(stored.occurredAt.getTime()).toBe(await page.evaluate(() => new Date('2026-03-02T14:30').getTime()));
    expect(stored.contacts.map((c) => c.contactId)).toEqual([localId(grace)]);
    await h.screenshot(page, '64-contact-timeline-call');

    // An email on a deal; a bad address is refused in words, then corrected.
    const deal = await create('Deal', { name: 'Navy compiler' });
    await page.goto(`/deals/${deal}`);
    await page.getByRole('heading', { name: 'Navy compiler', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Log email / call / SMS' }).click();
    await page.getByLabel('To').fill('not an address');
    await page.getByLabel('Subject').fill('Proposal');
    await page.getByLabel('Message').fill('Attached: the proposal.');
    await page.getByRole('button', { name: 'Log email', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'is not a valid email address' }).waitFor();
    await page.getByLabel('To').fill('grace@navy.example, ops@navy.example');
    await page.getByRole('button', { name: 'Log email', exact: true }).click();
    const email = page.locator('.timeline-item', { hasText: 'Proposal' });
    await email.getByText('Email (outbound)').waitFor();
    await email.getByText('grace@navy.example, ops@navy.example').waitFor();
    await email.getByText('Attached: the proposal.').waitFor();
    expect(await page.getByRole('button', { name: 'Log email', exact: true }).count()).toBe(0);
    expect(consoleErrors).toEqual([]);

    // A viewer reads the timeline but is not offered the form.
    const viewer = await signedIn('VIEWER');
    await viewer.page.goto(`/contacts/${grace}`);
    await viewer.page.getByText('Wants the compiler roadmap.').waitFor();
    expect(await viewer.page.getByRole('button', { name: 'Log email / call / SMS' }).count()).toBe(0);
    expect(viewer.consoleErrors).toEqual([]);
    await viewer.context.close();
    await page.context().close();
  }, 120_000);

  it('updates the per-stage totals and the value chart when a deal moves on the board', async () => {
    onTestFailed(() => h.screenshotAll('records-ui-board-failure'));
    const created = await owner().ok<{ createPipeline: { id: string; stages: { id: string }[] } }>(
      `mutation { createPipeline(input: { name: "Renewals", stages: [{ name: "Review" }, { name: "Quote" }, { name: "Renewed", isWon: true }] }) { id stages { id } } }`,
    );
    const pipelineId = created.createPipeline.id;
    await create('Deal', { name: 'Renew small', amountMinor: '100000', pipelineId });
    await create('Deal', { name: 'Renew large', amountMinor: '250000', pipelineId });
    await create('Deal', { name: 'Renew euro', amountMinor: '70000', currency: 'EUR', pipelineId });
    const { page, consoleErrors } = await signedIn('MEMBER');
    await page.goto('/deals/board');
    await page.getByLabel('Pipeline', { exact: true }).selectOption({ label: 'Renewals' });
    const column = (stage: string) => page.locator(`.column[data-stage="${stage}"]`);
    // Each currency is summed on its own line, labelled with its code; never one mixed sum.
    const totals = async (stage: string) => (await column(stage).locator('.stage-total li').allTextContents()).sort();
    const chart = (currency: string) => page.getByRole('img', { name: `Pipeline value by stage in ${currency}`, exact: false });
    const bar = (i: number) => page.locator('.stage-chart').first().locator('.chart-bar').nth(i);
    const width = async (i: number) => await bar(i).evaluate((el) => (el as HTMLElement).style.width);
    await column('Review').locator('[data-deal="Renew large"]').waitFor();
    expect(await totals('Review')).toEqual(['EUR €700.00', 'USD $3,500.00']);
    expect(await column('Quote').locator('.stage-total').textContent()).toBe('No amounts');
    expect(await chart('USD').getAttribute('aria-label')).toBe('Pipeline value by stage in USD: Review: $3,500.00, Quote: $0.00, Renewed: $0.00');
    expect(await chart('EUR').getAttribute('aria-label')).toBe('Pipeline value by stage in EUR: Review: €700.00, Quote: €0.00, Renewed: €0.00');
    expect(await width(1)).toBe('0%');

    // The keyboard way: the card's stage menu.
    await page.getByLabel('Move Renew large to stage').selectOption({ label: 'Quote' });
    await column('Quote').locator('[data-deal="Renew large"]').waitFor();
    await expect.poll(() => totals('Review')).toEqual(['EUR €700.00', 'USD $1,000.00']);
    expect(await totals('Quote')).toEqual(['USD $2,500.00']);
    await expect
      .poll(() => chart('USD').getAttribute('aria-label'))
      .toBe('Pipeline value by stage in USD: Review: $1,000.00, Quote: $2,500.00, Renewed: $0.00');
    expect(await width(1)).toBe('100%');
    expect(await width(0)).toBe('40%');
    await h.screenshot(page, '65-board-totals-after-move');

    // Won: the total leaves Quote for Renewed, and the chart follows.
    await column('Quote').locator('[data-deal="Renew large"]').dragTo(column('Renewed'));
    await column('Renewed').locator('[data-deal="Renew large"]').waitFor();
    await expect.poll(() => totals('Renewed')).toEqual(['USD $2,500.00']);
    expect(await column('Quote').locator('.stage-total').textContent()).toBe('No amounts');
    await expect
      .poll(() => chart('USD').getAttribute('aria-label'))
      .toBe('Pipeline value by stage in USD: Review: $1,000.00, Quote: $0.00, Renewed: $2,500.00');

    // Readable at every width: no chart label or value is cut off or leaves the page, down to a small phone.
    for (const width of [1280, 760, 390, 320]) {
      await page.setViewportSize({ width, height: 800 });
      const clipped = await page
        .locator('.chart-label, .chart-value')
        .evaluateAll((els) =>
          els
            .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > document.documentElement.clientWidth)
            .map((el) => el.textContent),
        );
      expect(clipped, `clipped at ${width}px`).toEqual([]);
    }
    await h.screenshot(page, '66-board-chart-320');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
