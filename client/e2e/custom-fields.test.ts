// Issue 20's custom fields in the app: an admin adds a select and a date field in Settings, a value of
// each is set on a contact's page, and the contacts list filters by the select.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
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

describe('Kith web app: custom fields', () => {
  it('creates a select and a date field, sets them on a contact, and filters the list by the select', async () => {
    onTestFailed(() => h.screenshotAll('custom-fields-failure'));
    const ada = await h.app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Ada', lastName: 'Lovelace' } });
    await h.app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Bob', lastName: 'Babbage' } });
    const { page, consoleErrors } = await h.signedInPage(f.clients.ADMIN.cookie!, f.workspaceGid);

    await page.goto('/settings');
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Custom fields' }).click();
    await page.getByLabel('Field label').fill('Tier');
    await page.getByLabel('Field type').selectOption('SELECT');
    await page.getByLabel('Options').fill('Gold, Silver');
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.getByRole('row', { name: /Tier/ }).waitFor();
    await page.getByLabel('Field label').fill('Renewal');
    await page.getByLabel('Field type').selectOption('DATE');
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.getByRole('row', { name: /Renewal/ }).waitFor();
    await h.screenshot(page, '90-custom-fields-settings');

    await page.goto(`/contacts/${encodeGlobalID('Contact', ada.id)}`);
    const form = page.getByRole('form', { name: 'Custom fields' });
    await form.getByLabel('Tier').selectOption({ label: 'Gold' });
    await form.getByLabel('Renewal').fill('2027-01-31');
    await form.getByRole('button', { name: 'Save custom fields' }).click();
    await page.getByText('Custom fields saved.').waitFor();
    // The record's timeline names the changed fields by their labels.
    await page.getByText(/Changed (Tier, Renewal|Renewal, Tier)/).waitFor();
    await h.screenshot(page, '91-custom-fields-record');
    const stored = (await h.app.prisma.contact.findUniqueOrThrow({ where: { id: ada.id } })).customFields as Record<string, unknown>;
    expect(stored.renewal).toBe('2027-01-31');

    await page.goto('/contacts');
    await page.getByText('Bob Babbage').first().waitFor();
    await page.getByLabel('Custom field').selectOption({ label: 'Tier' });
    await page.getByLabel('Tier is').selectOption({ label: 'Gold' });
    await expect.poll(() => page.getByText('Bob Babbage').count()).toBe(0);
    await page.getByText('Ada Lovelace').first().waitFor();
    await h.screenshot(page, '92-custom-fields-filtered');
    expect(consoleErrors).toEqual([]);
  });
});
