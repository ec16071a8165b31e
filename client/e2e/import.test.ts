// Issue 15's import screen end to end: a member drops a real CSV file (with a duplicate and a bad row),
// maps it, previews it, runs it (the job worker runs here as the server's would), watches it finish,
// downloads the error file, and undoes the import.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { jobHandlers } from '../../server/jobs/registry.js';
import { JobWorker } from '../../server/jobs/worker.js';
import { createDefaultPipeline } from '../../server/modules/pipelines/pipeline.service.js';
import { rolesFixture, type RolesFixture } from '../../server/test/fixtures.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let f: RolesFixture;

beforeAll(async () => {
  h = await startHarness();
  f = await rolesFixture(h.app);
}, 120_000);

afterAll(async () => {
  await h?.close();
});

const CSV = [
  'First Name,Last Name,E-mail Address,Company,Title,Job Title,Business Phone',
  'Grace,Hopper,grace@navy.example,US Navy,Ms.,Rear Admiral,',
  'Ada,Lovelace,ada@example.com,Analytical Engines,Ms.,Programmer,+44 20 7946 0018',
  'Broken,Row,not-an-email,,,,',
].join('\r\n');

describe('Kith web app: import', () => {
  it('uploads, maps, previews, runs with live progress, offers the error file, and undoes', async () => {
    onTestFailed(() => h.screenshotAll('import-failure'));
    await h.app.prisma.contact.create({
      data: {
        workspaceId: f.workspaceId,
        firstName: 'Grace',
        lastName: 'Hopper',
        emails: { create: { workspaceId: f.workspaceId, email: 'grace@navy.example', isPrimary: true } },
      },
    });
    const dir = await mkdtemp(join(tmpdir(), 'kith-import-'));
    const file = join(dir, 'outlook-contacts.csv');
    await writeFile(file, CSV);

    const { page, consoleErrors } = await h.signedInPage(f.clients.MEMBER.cookie!, f.workspaceGid);
    await page.goto('/settings');
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Import', level: 2 }).waitFor();
    await page.getByLabel('Choose or drop a file').setInputFiles(file);

    const mapping = page.getByRole('table', { name: 'Column mapping' });
    await mapping.waitFor();
    await page.getByText('recognised: an export from Outlook.').waitFor();
    await expect.poll(() => page.getByLabel('Field for column Job Title').inputValue()).toBe('jobTitle');
    await expect.poll(() => page.getByLabel('Field for column E-mail Address').inputValue()).toBe('emails');
    expect(await page.getByLabel('Field for column Title', { exact: true }).inputValue()).toBe('');

    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('status').filter({ hasText: 'Of the first 3 rows (the whole file): 1 new, 0 to update, 1 to skip, 1 with errors.' }).waitFor();
    await page.getByRole('list', { name: 'Rows with errors' }).getByText('Row 3: "not-an-email" is not a valid email address.').waitFor();
    await h.screenshot(page, '60-import-preview');

    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByRole('region', { name: 'Import progress' }).waitFor();
    const worker = new JobWorker(h.app.prisma, jobHandlers(h.app.services), { logger: h.app.services.logger });
    while (await worker.runNext());
    await page.getByRole('status').filter({ hasText: 'Done: 3 rows read, 1 created, 0 updated, 1 skipped, 1 failed.' }).waitFor();
    await h.screenshot(page, '61-import-done');

    const link = page.getByRole('link', { name: 'Download the rows that failed (CSV)' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const errors = (await readFile(await download.path())).toString('utf8');
    expect(errors).toContain('Broken,Row,not-an-email,,,,,"""not-an-email"" is not a valid email address."');

    expect(await h.app.prisma.contact.count({ where: { firstName: 'Ada', deletedAt: null } })).toBe(1);
    await page.getByRole('button', { name: 'Undo this import' }).click();
    await page.getByText('Undone: the imported records are in the trash').waitFor();
    expect(await h.app.prisma.contact.count({ where: { firstName: 'Ada', deletedAt: null } })).toBe(0);
    expect(consoleErrors).toEqual([]);
  }, 120_000);

  it('imports deals: suggested as deals, previewed, run, with the failed row in the error file, and undone', async () => {
    onTestFailed(() => h.screenshotAll('import-deals-failure'));
    await createDefaultPipeline(h.app.prisma, f.workspaceId);
    const dir = await mkdtemp(join(tmpdir(), 'kith-import-'));
    const file = join(dir, 'deals.csv');
    await writeFile(
      file,
      ['Deal Name,Amount,Currency,Stage,Close Date,Company', 'Engine order,"12,500.00",GBP,Proposal,2027-06-30,Babbage & Co', 'Bad one,lots,,,,'].join('\n'),
    );

    const { page, consoleErrors } = await h.signedInPage(f.clients.MEMBER.cookie!, f.workspaceGid);
    await page.goto('/settings');
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Import' }).click();
    await page.getByLabel('Choose or drop a file').setInputFiles(file);
    await page.getByRole('table', { name: 'Column mapping' }).waitFor();
    expect(await page.getByRole('combobox', { name: /^Import as/ }).inputValue()).toBe('DEAL');
    await expect.poll(() => page.getByLabel('Field for column Amount').inputValue()).toBe('amount');

    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('status').filter({ hasText: 'Of the first 2 rows (the whole file): 1 new, 0 to update, 0 to skip, 1 with errors.' }).waitFor();
    await page.getByRole('list', { name: 'Rows with errors' }).getByText('Row 2: "lots" is not an amount.').waitFor();
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByRole('region', { name: 'Import progress' }).waitFor();
    const worker = new JobWorker(h.app.prisma, jobHandlers(h.app.services), { logger: h.app.services.logger });
    while (await worker.runNext());
    await page.getByRole('status').filter({ hasText: 'Done: 2 rows read, 1 created, 0 updated, 0 skipped, 1 failed.' }).waitFor();
    await page.getByRole('link', { name: 'Download the rows that failed (CSV)' }).waitFor();
    const deal = await h.app.prisma.deal.findFirstOrThrow({
      where: { workspaceId: f.workspaceId, name: 'Engine order' },
      include: { stage: true, company: true },
    });
    expect([deal.amountMinor, deal.currency, deal.stage.name, deal.company?.name]).toEqual([1250000n, 'GBP', 'Proposal', 'Babbage & Co']);

    await page.getByRole('button', { name: 'Undo this import' }).click();
    await page.getByText('Undone: the imported records are in the trash').waitFor();
    expect(await h.app.prisma.deal.count({ where: { workspaceId: f.workspaceId, deletedAt: null } })).toBe(0);
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});
