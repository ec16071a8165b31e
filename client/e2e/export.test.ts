// Issue 8's export flow end to end: an admin requests a workspace export in Settings, watches it finish
// (the job worker runs here as the server's would), and downloads the zip; a member is not offered it.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { jobHandlers } from '../../server/jobs/registry.js';
import { JobWorker } from '../../server/jobs/worker.js';
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

async function signedIn(actor: 'ADMIN' | 'MEMBER') {
  return h.signedInPage(f.clients[actor].cookie!, f.workspaceGid);
}

describe('Kith web app: workspace export', () => {
  it('requests an export, shows it finished, and downloads the archive; members are not offered it', async () => {
    onTestFailed(() => h.screenshotAll('export-failure'));
    await h.app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Grace', lastName: 'Hopper' } });
    const { page, consoleErrors } = await signedIn('ADMIN');
    await page.goto('/settings');
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Export' }).click();
    await page.getByRole('heading', { name: 'Export', level: 2 }).waitFor();
    await page.getByText('No exports yet.').waitFor();

    await page.getByLabel('CSV').check();
    await page.getByRole('button', { name: 'Request export' }).click();
    await page.getByRole('row', { name: /CSV/ }).getByText('Queued').waitFor();
    expect(await page.getByRole('button', { name: 'Request export' }).isDisabled()).toBe(true);

    const worker = new JobWorker(h.app.prisma, jobHandlers(h.app.services), { logger: h.app.services.logger });
    while (await worker.runNext());
    const download = page.getByRole('link', { name: /^Download/ });
    await download.waitFor();
    await h.screenshot(page, '50-settings-export');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const bytes = await readFile(await file.path());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(consoleErrors).toEqual([]);

    const member = await signedIn('MEMBER');
    await member.page.goto('/settings');
    await member.page.getByRole('navigation', { name: 'Settings' }).waitFor();
    expect(await member.page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Export' }).count()).toBe(0);
    await member.page.goto('/settings/export');
    await member.page.getByText('Only workspace admins can see workspace exports.').waitFor();
    expect(member.consoleErrors).toEqual([]);
  }, 120_000);
});
