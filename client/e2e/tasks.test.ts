// Issue 8's activities/tasks list end to end (due dates, overdue highlighted, marked done by keyboard, not
// offered to a viewer) and the two progress bars: a file upload held in flight, and a workspace export
// between its worker's steps. One server and browser for the file.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { jobHandlers } from '../../server/jobs/registry.js';
import { JobWorker } from '../../server/jobs/worker.js';
import { rolesFixture, type RolesFixture } from '../../server/test/fixtures.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let f: RolesFixture;
/** For expect.poll: conditions met by the server or the page a few seconds at most after the action. */
const WAIT = { timeout: 10_000 };

beforeAll(async () => {
  h = await startHarness();
  f = await rolesFixture(h.app);
}, 120_000);

afterAll(async () => {
  await h?.close();
});

async function signedIn(actor: 'OWNER' | 'ADMIN' | 'VIEWER') {
  const opened = await h.signedInPage(f.clients[actor].cookie!, f.workspaceGid);
  opened.context.setDefaultTimeout(15_000);
  return opened;
}

/** A datetime-local value as the app shows it (the browser's locale and time zone). */
const shown = (page: Page, local: string) =>
  page.evaluate((value) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)), local);

async function createActivity(page: Page, subject: string, due: string, type = 'TASK') {
  await page.getByRole('button', { name: 'New activity' }).click();
  const form = page.getByRole('form', { name: 'New activity' });
  // Each activity starts from a blank form, whatever the previous one had.
  expect([await form.getByLabel('Subject').inputValue(), await form.getByLabel('Type').inputValue(), await form.getByLabel('Due').inputValue()]).toEqual([
    '',
    'TASK',
    '',
  ]);
  await form.getByLabel('Subject').fill(subject);
  await form.getByLabel('Type').selectOption(type);
  if (due) await form.getByLabel('Due').fill(due);
  await form.getByRole('button', { name: 'Create activity' }).click();
  await form.waitFor({ state: 'detached' });
}

describe('Kith web app: activities and progress', () => {
  it('lists tasks by due date, highlights the overdue one, and marks one done', async () => {
    onTestFailed(() => h.screenshotAll('tasks-failure'));
    const { page, consoleErrors } = await signedIn('OWNER');
    await page.goto('/contacts');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activities' }).click();
    await page.getByRole('heading', { name: /Activities/, level: 1 }).waitFor();
    await page.getByText('Nothing to do: no open activities.').waitFor();

    await createActivity(page, 'Send the proposal', '2030-05-01T09:30');
    const proposal = page.locator('.activity-list li', { hasText: 'Send the proposal' });
    await proposal.getByText(`Due ${await shown(page, '2030-05-01T09:30')}`).waitFor();
    await createActivity(page, 'Call Globex back', '2021-03-04T08:15');
    const overdue = page.locator('.activity-list li', { hasText: 'Call Globex back' });
    await overdue.getByText(`Overdue: ${await shown(page, '2021-03-04T08:15')}`).waitFor();

    // Soonest first; only the overdue one is marked and coloured as such.
    expect(await page.locator('.activity-list li').allTextContents()).toEqual([
      expect.stringContaining('Call Globex back'),
      expect.stringContaining('Send the proposal'),
    ]);
    const classes = async (item: typeof overdue) => (await item.getAttribute('class')) ?? '';
    expect(await classes(overdue)).toContain('overdue');
    expect(await classes(proposal)).not.toContain('overdue');
    const colour = (item: typeof overdue) => item.locator('.muted').evaluate((el) => getComputedStyle(el).color);
    expect(await colour(overdue)).not.toBe(await colour(proposal));
    await h.screenshot(page, 'tasks-activities');

    // Done by keyboard: it leaves the open list, shows under Done, and the API agrees.
    const checkbox = page.getByRole('checkbox', { name: 'Task Call Globex back' });
    await checkbox.focus();
    await page.keyboard.press('Space');
    await overdue.waitFor({ state: 'detached' });
    await proposal.waitFor();
    await expect.poll(async () => (await h.app.prisma.activity.findFirstOrThrow({ where: { subject: 'Call Globex back' } })).done, WAIT).toBe(true);
    await page.getByLabel('Show').selectOption('done');
    await overdue.waitFor();
    expect(await checkbox.isChecked()).toBe(true);
    expect(await classes(overdue)).toContain('done');
    expect(await classes(overdue)).not.toContain('overdue');
    expect(await proposal.count()).toBe(0);
    await page.getByLabel('Show').selectOption('all');
    await proposal.waitFor();
    await overdue.waitFor();

    // No due date is said so; the type filter narrows the list.
    await createActivity(page, 'Plan the offsite', '', 'MEETING');
    const meeting = page.locator('.activity-list li', { hasText: 'Plan the offsite' });
    await meeting.getByText('No due date').waitFor();
    await page.getByLabel('Type', { exact: true }).selectOption('MEETING');
    await proposal.waitFor({ state: 'detached' });
    expect(await page.locator('.activity-list li').count()).toBe(1);
    await meeting.waitFor();
    expect(consoleErrors).toEqual([]);

    // A viewer sees the list but cannot tick or create.
    const viewer = await signedIn('VIEWER');
    await viewer.page.goto('/activities');
    await viewer.page.locator('.activity-list li', { hasText: 'Send the proposal' }).waitFor();
    expect(await viewer.page.getByRole('checkbox', { name: 'Task Send the proposal' }).isDisabled()).toBe(true);
    expect(await viewer.page.getByRole('button', { name: 'New activity' }).count()).toBe(0);
    expect(viewer.consoleErrors).toEqual([]);
    await page.context().close();
    await viewer.context.close();
  }, 90_000);

  it('shows an upload’s progress bar while the file is in flight', async () => {
    onTestFailed(() => h.screenshotAll('tasks-upload-failure'));
    const created = await f.clients.OWNER.ok<{ createContact: { id: string } }>(
      `mutation { createContact(input: { firstName: "Uma", lastName: "Upload" }) { id } }`,
    );
    const { page, consoleErrors } = await signedIn('OWNER');
    await page.goto(`/contacts/${created.createContact.id}`);
    await page.getByRole('heading', { name: 'Uma Upload', level: 1 }).waitFor();

    // Hold the multipart request at the network layer until the bar has been seen: no timing guesses.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graphql', async (route) => {
      if (!(route.request().headers()['content-type'] ?? '').startsWith('multipart/form-data')) return route.fallback();
      await held;
      await route.continue();
    });
    await page
      .getByLabel('Attach a file')
      .setInputFiles({ name: 'minutes.txt', mimeType: 'text/plain', buffer: Buffer.from('Minutes of the meeting.\n'.repeat(4000)) });
    const bar = page.getByRole('progressbar', { name: 'Uploading minutes.txt' });
    await bar.waitFor();
    expect(await bar.getAttribute('max')).toBe('100');
    const value = Number(await bar.getAttribute('value'));
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(100);
    expect(await page.getByLabel('Attach a file').isDisabled()).toBe(true);
    await h.screenshot(page, 'tasks-upload-progress');

    release();
    await page
      .getByRole('region', { name: /^Files/ })
      .getByRole('link', { name: 'minutes.txt' })
      .waitFor();
    await bar.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Attach a file').isDisabled()).toBe(false);
    await page.unroute('**/graphql');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('shows an export’s progress bar from queued to done', async () => {
    onTestFailed(() => h.screenshotAll('tasks-export-failure'));
    for (const lastName of ['Adams', 'Baker', 'Clark']) {
      await h.app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Export', lastName } });
    }
    const { page, consoleErrors } = await signedIn('ADMIN');
    await page.goto('/settings/export');
    await page.getByRole('heading', { name: 'Export', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Request export' }).click();
    const queued = page.getByRole('progressbar', { name: /Queued/ });
    await queued.waitFor();
    expect(await queued.getAttribute('value')).toBe('0');

    // Part-way, as the worker's progress reporter writes it; the page's poll picks it up.
    const row = await h.app.prisma.workspaceExport.findFirstOrThrow({ where: { workspaceId: f.workspaceId } });
    await h.app.prisma.workspaceExport.update({ where: { id: row.id }, data: { status: 'RUNNING', recordsDone: 2, recordsTotal: 5 } });
    const running = page.getByRole('progressbar', { name: /Running/ });
    await running.waitFor();
    expect([await running.getAttribute('value'), await running.getAttribute('max')]).toEqual(['2', '5']);
    await h.screenshot(page, 'tasks-export-progress');

    const worker = new JobWorker(h.app.prisma, jobHandlers(h.app.services), { logger: h.app.services.logger });
    while (await worker.runNext());
    await page.getByRole('link', { name: /^Download/ }).waitFor();
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(await page.getByRole('row', { name: /JSON/ }).getByText('Done').count()).toBe(1);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  }, 90_000);
});
