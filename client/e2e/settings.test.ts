// Issue 8's settings screens end to end: an API key created in the UI works as a Bearer token until it is
// revoked in the UI, a webhook shows its secret once, the audit log lists the key, a viewer is not offered the
// admin screens, and the only owner is told why their account cannot be deleted. One server and browser.
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { rolesFixture, STRONG_PASSWORD, type RolesFixture } from '../../server/test/fixtures.js';
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

async function signedIn(actor: 'OWNER' | 'ADMIN' | 'VIEWER') {
  return h.signedInPage(f.clients[actor].cookie!, f.workspaceGid);
}

async function withKey(secret: string) {
  const response = await fetch(`${h.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}`, 'x-workspace-id': f.workspaceGid },
    body: JSON.stringify({ query: '{ workspace { id name } }' }),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: { workspace?: { id: string } | null } | null; errors?: unknown[] };
  return { status: response.status, body };
}

describe('Kith web app: settings', () => {
  it('creates an API key that works once, then revokes it; adds a webhook; the audit log lists the key', async () => {
    onTestFailed(() => h.screenshotAll('settings-failure'));
    const { page, consoleErrors } = await signedIn('ADMIN');
    await page.goto('/settings');
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { name: 'API keys', level: 2 }).waitFor();

    await page.getByLabel('Key name').fill('Billing sync');
    await page.getByLabel('Key role').selectOption('MEMBER');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secretField = page.getByLabel('Secret of “Billing sync”');
    await secretField.waitFor();
    await page.getByText('This secret is shown only once').waitFor();
    const secret = await secretField.inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await page.getByRole('row', { name: /Billing sync/ }).waitFor();
    await h.screenshot(page, '40-settings-api-key-created');

    const working = await withKey(secret);
    expect(working.body.errors).toBeUndefined();
    expect(working.body.data?.workspace?.id).toBe(f.workspaceGid);

    // The secret is not shown again once dismissed, nor after a reload.
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await expect(secretField.count()).resolves.toBe(0);
    const row = page.getByRole('row', { name: /Billing sync/ });
    expect(await row.textContent()).not.toContain(secret);

    await row.getByRole('button', { name: 'Revoke Billing sync' }).click();
    await row.getByRole('button', { name: 'Revoke key' }).click();
    await page.getByRole('row', { name: /Billing sync/ }).waitFor({ state: 'detached' });
    const refused = await withKey(secret);
    expect(refused.body.data?.workspace ?? null).toBeNull();
    expect(refused.status === 401 || (refused.body.errors?.length ?? 0) > 0).toBe(true);

    // Webhooks: the signing secret once, then the list.
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks', level: 2 }).waitFor();
    await page.getByText('No webhooks yet.').waitFor();
    await page.getByLabel('Endpoint URL').fill('https://93.184.215.14/kith');
    await page.getByLabel('Event types').fill('contact.created, deal.stage_moved');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const hookSecret = page.getByLabel('Signing secret for https://93.184.215.14/kith');
    await hookSecret.waitFor();
    expect((await hookSecret.inputValue()).length).toBeGreaterThan(20);
    await page.getByText('contact.created, deal.stage_moved').waitFor();
    await page.getByRole('button', { name: 'Deliveries to https://93.184.215.14/kith' }).click();
    await page.getByText('Nothing delivered yet.').waitFor();
    await h.screenshot(page, '41-settings-webhooks');

    // The audit log, filtered to API keys.
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 2 }).waitFor();
    await page.getByRole('cell', { name: /webhook\.created/ }).waitFor();
    await page.getByLabel('Action').selectOption('api_key.');
    await page.getByRole('cell', { name: /webhook\.created/ }).waitFor({ state: 'detached' });
    await page
      .getByRole('cell', { name: /api_key\.created/ })
      .first()
      .waitFor();
    await page
      .getByRole('cell', { name: /api_key\.revoked/ })
      .first()
      .waitFor();
    await h.screenshot(page, '42-settings-audit-log');

    // Sessions at phone width.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Sessions' }).click();
    await page.getByRole('heading', { name: 'My sessions' }).waitFor();
    await page.getByText('This device').waitFor();
    await h.screenshot(page, '43-settings-sessions-phone');

    expect(consoleErrors).toEqual([]);
  });

  it('lets an admin set the workspace’s default phone country, which then reads national numbers', async () => {
    onTestFailed(() => h.screenshotAll('settings-workspace-failure'));
    const { page, consoleErrors } = await signedIn('ADMIN');
    await page.goto('/settings');
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Workspace' }).click();
    const country = page.getByLabel('Default phone country');
    await country.waitFor();
    await country.fill('gb');
    await page.getByText('United Kingdom').waitFor();
    await page.getByRole('button', { name: 'Save workspace settings' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    await h.screenshot(page, '45-settings-workspace');
    expect((await h.app.prisma.workspace.findUniqueOrThrow({ where: { id: f.workspaceId } })).defaultPhoneCountry).toBe('GB');
    const contact = await f.clients.MEMBER.ok(
      `mutation { createContact(input: { firstName: "Local", phones: [{ number: "020 7946 0958" }] }) { phones { e164 } } }`,
    );
    expect(contact.createContact.phones).toEqual([{ e164: '+442079460958' }]);
    await country.fill('');
    await page.getByRole('button', { name: 'Save workspace settings' }).click();
    await expect.poll(async () => (await h.app.prisma.workspace.findUniqueOrThrow({ where: { id: f.workspaceId } })).defaultPhoneCountry).toBeNull();
    expect(consoleErrors).toEqual([]);
  });

  it('does not offer a viewer the admin-only settings', async () => {
    onTestFailed(() => h.screenshotAll('settings-viewer-failure'));
    const { page, consoleErrors } = await signedIn('VIEWER');
    await page.goto('/settings');
    const nav = page.getByRole('navigation', { name: 'Settings' });
    await nav.getByRole('link', { name: 'Privacy' }).waitFor();
    for (const name of ['Workspace', 'API keys', 'Webhooks', 'Audit log', 'Usage and sessions'])
      await expect(nav.getByRole('link', { name }).count()).resolves.toBe(0);
    await nav.getByRole('link', { name: 'Sessions' }).waitFor();

    await page.goto('/settings/api-keys');
    await page.getByText('Only workspace admins can see API keys.').waitFor();
    await expect(page.getByLabel('Key name').count()).resolves.toBe(0);
    await page.goto('/settings/privacy');
    await page.getByRole('heading', { name: 'Delete my account' }).waitFor();
    await expect(page.getByRole('heading', { name: /Delete the workspace/ }).count()).resolves.toBe(0);
    await h.screenshot(page, '44-settings-viewer');
    expect(consoleErrors).toEqual([]);
  });

  it('tells the only owner why their account cannot be deleted, and shows the usage summary', async () => {
    onTestFailed(() => h.screenshotAll('settings-owner-failure'));
    const { page, consoleErrors } = await signedIn('OWNER');
    await page.goto('/settings/usage');
    await page.getByRole('heading', { name: 'Workspace usage' }).waitFor();
    await page.getByText('API calls').first().waitFor();

    await page.goto('/settings/privacy');
    await page.getByRole('heading', { name: /Delete the workspace/ }).waitFor();
    await page.getByLabel('Password', { exact: true }).fill(STRONG_PASSWORD);
    await page.getByLabel('I understand this cannot be undone.').check();
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page
      .getByRole('alert')
      .getByText(/You are the only owner of/)
      .waitFor();
    await h.screenshot(page, '45-settings-delete-account-refused');
    // Still signed in.
    const me = await f.clients.OWNER.ok<{ me: { id: string } | null }>('{ me { id } }');
    expect(me.me).not.toBeNull();
    expect(consoleErrors).toEqual([]);
  });
});
