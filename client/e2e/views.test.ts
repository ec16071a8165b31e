// Issue 20's saved views in the app: a member filters the contacts list, saves it as a shared view, a colleague
// opens its link and sees the same list, and the view's count in the navigation follows a new contact live.
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { rolesFixture, type RolesFixture } from '../../server/test/fixtures.js';
import { expectAccessible, startHarness, type Harness } from './harness.js';

let h: Harness;
let f: RolesFixture;

beforeAll(async () => {
  h = await startHarness();
  f = await rolesFixture(h.app);
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('Kith web app: saved views', () => {
  it('saves a shared view, opens its link as a colleague, and keeps its count live in the navigation', async () => {
    onTestFailed(() => h.screenshotAll('views-failure'));
    for (const [firstName, lastName, lifecycleStage] of [
      ['Ada', 'Lovelace', 'LEAD'],
      ['Bob', 'Babbage', 'CUSTOMER'],
      ['Cy', 'Clerk', 'LEAD'],
    ] as const) {
      await h.app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName, lastName, lifecycleStage } });
    }
    const member = await h.signedInPage(f.clients.MEMBER.cookie!, f.workspaceGid);
    const page = member.page;
    await page.goto('/contacts');
    await page.getByText('Bob Babbage').first().waitFor();
    await page.getByLabel('Stage', { exact: true }).selectOption('LEAD');
    await expect.poll(() => page.getByText('Bob Babbage').count()).toBe(0);
    await page.getByRole('button', { name: 'Save as…' }).click();
    await page.getByLabel('View name').fill('Leads');
    await page.getByLabel('Share with the workspace').check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('View saved.').waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBeTruthy();
    const link = new URL(page.url());
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: /Leads/ }).getByLabel('2 records').waitFor();
    // The saved view stays open, filter and all.
    await expect.poll(() => page.getByLabel('Stage', { exact: true }).inputValue()).toBe('LEAD');
    expect(await page.getByText('Bob Babbage').count()).toBe(0);
    expect(await page.getByText('This view does not exist').count()).toBe(0);
    await expectAccessible(page, 'saved views');
    await h.screenshot(page, '95-saved-view');

    // Hide a column and save the view in place: the view keeps its columns.
    await page.getByText('Columns', { exact: true }).click();
    await page.getByLabel('Show the Email column').uncheck();
    await expect.poll(() => page.getByRole('columnheader', { name: 'Email' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Save view' }).click();
    await expect
      .poll(async () => (await h.app.prisma.savedView.findFirstOrThrow()).columns)
      .toEqual(['name', 'company', 'stage', 'owner', 'updated'].map((key) => ({ key, width: null })));
    const stored = await h.app.prisma.savedView.findFirstOrThrow();
    expect(stored).toMatchObject({ name: 'Leads', shared: true, ownerId: f.users.MEMBER.id, filter: { lifecycleStage: 'LEAD' } });

    // The colleague opens the link: the same list, the same filter in the toolbar.
    const viewer = await h.signedInPage(f.clients.VIEWER.cookie!, f.workspaceGid);
    await viewer.page.goto(link.pathname + link.search);
    await viewer.page.getByText('Ada Lovelace').first().waitFor();
    await viewer.page.getByText('Cy Clerk').first().waitFor();
    expect(await viewer.page.getByText('Bob Babbage').count()).toBe(0);
    expect(await viewer.page.getByLabel('Stage', { exact: true }).inputValue()).toBe('LEAD');
    expect(await viewer.page.getByLabel('View', { exact: true }).inputValue()).toBe(link.searchParams.get('view'));
    expect(await viewer.page.getByRole('columnheader', { name: 'Email' }).count()).toBe(0);
    const viewerNav = viewer.page.getByRole('navigation', { name: 'Main' });
    await viewerNav.getByRole('link', { name: /Leads/ }).getByLabel('2 records').waitFor();

    // A new lead anywhere in the workspace: both navigations count it without a reload.
    await f.clients.MEMBER.ok(`mutation { createContact(input: { firstName: "Dee", lifecycleStage: LEAD }) { id } }`);
    await viewerNav.getByRole('link', { name: /Leads/ }).getByLabel('3 records').waitFor();
    await nav.getByRole('link', { name: /Leads/ }).getByLabel('3 records').waitFor();

    // A private view stays its owner's: its link tells a colleague it is not there.
    const { createSavedView } = await f.clients.MEMBER.ok(`mutation { createSavedView(input: { list: CONTACT, name: "Mine" }) { id } }`);
    await viewer.page.goto(`/contacts?view=${encodeURIComponent(createSavedView.id)}`);
    await viewer.page.getByText('This view does not exist or is private to someone else.').waitFor();
    expect(member.consoleErrors).toEqual([]);
    expect(viewer.consoleErrors).toEqual([]);
  });

  it('filters the companies and deals lists by custom fields, as the contacts list does', async () => {
    onTestFailed(() => h.screenshotAll('views-filters-failure'));
    const options = [
      { id: 'ent', label: 'Enterprise', colour: 'blue', position: 0 },
      { id: 'smb', label: 'Small business', colour: 'gray', position: 1 },
    ];
    for (const entity of ['COMPANY', 'DEAL'] as const) {
      await h.app.prisma.customField.create({ data: { workspaceId: f.workspaceId, entity, key: 'segment', label: 'Segment', type: 'SELECT', options } });
    }
    await h.app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Initech', customFields: { segment: 'ent' } } });
    await h.app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Corner Shop', customFields: { segment: 'smb' } } });
    const pipeline = await h.app.prisma.pipeline.create({ data: { workspaceId: f.workspaceId, name: 'Sales', isDefault: true } });
    const stage = await h.app.prisma.pipelineStage.create({ data: { workspaceId: f.workspaceId, pipelineId: pipeline.id, name: 'Lead', position: 0 } });
    for (const [name, segment] of [
      ['Big rollout', 'ent'],
      ['Till upgrade', 'smb'],
    ] as const) {
      await h.app.prisma.deal.create({ data: { workspaceId: f.workspaceId, name, pipelineId: pipeline.id, stageId: stage.id, customFields: { segment } } });
    }
    const { page, consoleErrors } = await h.signedInPage(f.clients.MEMBER.cookie!, f.workspaceGid);
    for (const [path, keep, drop] of [
      ['/companies', 'Initech', 'Corner Shop'],
      ['/deals', 'Big rollout', 'Till upgrade'],
    ] as const) {
      await page.goto(path);
      await page.getByText(drop).first().waitFor();
      await page.getByLabel('Custom field').selectOption({ label: 'Segment' });
      await page.getByLabel('Segment is').selectOption({ label: 'Enterprise' });
      await expect.poll(() => page.getByText(drop).count()).toBe(0);
      await page.getByText(keep).first().waitFor();
    }
    expect(consoleErrors).toEqual([]);
  });
});
