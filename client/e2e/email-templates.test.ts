// The template editor (Settings → Email templates): a member writes a template with merge fields, sees it
// merged in the preview (unknown fields flagged), edits and deletes it; a viewer only reads the list.
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { testChannels } from '../../server/modules/channels/test/channels-config.js';
import { rolesFixture, type RolesFixture } from '../../server/test/fixtures.js';
import { expectAccessible, startHarness, type Harness } from './harness.js';

let h: Harness;
let f: RolesFixture;

beforeAll(async () => {
  h = await startHarness({ config: { channels: testChannels() } });
  f = await rolesFixture(h.app);
}, 120_000);
afterAll(() => h?.close());

describe('email templates', () => {
  it('creates a template with a live preview, edits it and deletes it', async () => {
    onTestFailed(() => h.screenshotAll('email-templates'));
    const { page, consoleErrors } = await h.signedInPage(f.clients.MEMBER.cookie!, f.workspaceGid);
    await page.goto('/settings');
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Email templates' }).click();
    await page.getByText('No templates yet.').waitFor();
    await page.getByRole('button', { name: 'New template' }).click();

    const form = page.getByRole('form', { name: 'Email template' });
    const preview = form.getByRole('region', { name: 'Preview' });
    await form.getByLabel('Name').fill('Follow-up');
    await form.getByLabel('Subject').fill('Hi {{contact.firstName}}');
    await form.getByLabel('Body').fill('About {{contact.nickname}} at ');
    await preview.getByRole('alert').filter({ hasText: 'Unknown merge fields: {{contact.nickname}}' }).waitFor();
    await form.getByLabel('Body').fill('Good to meet you at ');
    await form.getByLabel('Body').press('End');
    await form.getByRole('group', { name: 'Insert a merge field' }).getByRole('button', { name: '{{company.name}}' }).click();
    await preview.getByText('Good to meet you at Analytical Engines Ltd').waitFor();
    await preview.getByText('Hi Ada', { exact: true }).waitFor();
    expect(await preview.getByRole('alert').count()).toBe(0);
    await expectAccessible(page, 'email template editor');
    await form.getByRole('button', { name: 'Save template' }).click();

    const list = page.getByRole('list', { name: 'Templates' });
    await list.getByRole('button', { name: 'Edit Follow-up' }).waitFor();
    expect(await h.app.prisma.emailTemplate.findFirstOrThrow({ where: { workspaceId: f.workspaceId } })).toMatchObject({
      name: 'Follow-up',
      subject: 'Hi {{contact.firstName}}',
      body: 'Good to meet you at {{company.name}}',
    });

    await list.getByRole('button', { name: 'Edit Follow-up' }).click();
    await page.getByRole('form', { name: 'Email template' }).getByLabel('Name').fill('Second meeting');
    await page.getByRole('form', { name: 'Email template' }).getByRole('button', { name: 'Save template' }).click();
    await list.getByRole('button', { name: 'Edit Second meeting' }).waitFor();

    await list.getByRole('button', { name: 'Delete Second meeting' }).click();
    await list.getByRole('button', { name: 'Delete template' }).click();
    await page.getByText('No templates yet.').waitFor();
    expect(await h.app.prisma.emailTemplate.count({ where: { workspaceId: f.workspaceId } })).toBe(0);
    expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
  });

  it('shows a viewer the templates without ways to change them', async () => {
    await h.app.prisma.emailTemplate.create({ data: { workspaceId: f.workspaceId, name: 'Welcome', subject: 'Welcome', body: 'Hello' } });
    const { page } = await h.signedInPage(f.clients.VIEWER.cookie!, f.workspaceGid);
    await page.goto('/settings/templates');
    await page.getByRole('list', { name: 'Templates' }).locator('strong', { hasText: 'Welcome' }).waitFor();
    expect(await page.getByRole('button', { name: /New template|Edit|Delete/ }).count()).toBe(0);
  });
});
