// Issue 8's account and workspace screens end to end: sign in by the form, forgot/reset password, a second
// workspace and the switcher, profile and password, preferences that follow the user to another device,
// members (role change, removal, revoked invitation), and the delete-workspace (and cancel) and delete-account flows.
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { rolesFixture, STRONG_PASSWORD, tokenFromOutbox, verifiedUser, type RolesFixture } from '../../server/test/fixtures.js';
import type { TestClient } from '../../server/test/test-app.js';
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

/** A new browser context whose waits fail well before the test's own timeout, so the failing step is named. */
async function open() {
  const opened = await h.newPage();
  opened.context.setDefaultTimeout(15_000);
  return opened;
}

/** A page already signed in with a test client's session cookie. */
async function withSession(client: TestClient, workspaceGid?: string) {
  const opened = await h.signedInPage(client.cookie!, workspaceGid);
  opened.context.setDefaultTimeout(15_000);
  return opened;
}

async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The signed-in user as a session cookie sees them, straight from the API (not the page). */
async function meOf(cookie: string) {
  const response = await fetch(`${h.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kith-csrf': '1', cookie },
    body: JSON.stringify({ query: '{ me { id name workspaces { id name } } }' }),
  });
  return ((await response.json()) as { data?: { me: { id: string; name: string; workspaces: { id: string; name: string }[] } | null } }).data?.me ?? null;
}

async function cookieOf(page: Page) {
  const session = (await page.context().cookies()).find((c) => c.name === 'kith_session');
  return session ? `kith_session=${session.value}` : '';
}

describe('Kith web app: accounts and workspaces', () => {
  it('signs in by the form, refusing a wrong password, and resets a forgotten password from the outbox', async () => {
    onTestFailed(() => h.screenshotAll('accounts-sign-in-failure'));
    await verifiedUser(h.app, { name: 'Sam Signin', email: 'sam@example.com', workspaceName: 'Sam Supplies' });

    const first = await open();
    await first.page.goto('/deals');
    await first.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await submitSignIn(first.page, 'sam@example.com', 'not the right password at all');
    await first.page.getByRole('alert').waitFor();
    expect(await first.page.getByRole('alert').textContent()).toMatch(/password/i);
    await h.screenshot(first.page, 'accounts-sign-in-refused');
    await first.page.getByLabel('Password').fill(STRONG_PASSWORD);
    await first.page.keyboard.press('Enter');
    // Back where the visitor was going, in their workspace.
    await first.page.getByRole('heading', { name: /Deals/, level: 1 }).waitFor();
    expect(new URL(first.page.url()).pathname).toBe('/deals');
    expect(await first.page.getByLabel('Workspace', { exact: true }).locator('option:checked').textContent()).toBe('Sam Supplies');

    // Forgot password on another device: the link from the outbox sets a new one.
    const second = await open();
    const p = second.page;
    await p.goto('/sign-in');
    await p.getByRole('link', { name: 'Forgot your password?' }).click();
    await p.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await p.getByLabel('Email').fill('sam@example.com');
    await p.getByRole('button', { name: 'Send reset link' }).click();
    await p.getByRole('status').getByText('a reset link is on its way').waitFor();
    const resetLink = await h.outboxLink('sam@example.com', '/reset-password');
    // A tampered link is refused with a message, and the real one still works afterwards.
    await p.goto(resetLink.replace(/token=[^&]+/, 'token=not-a-real-token'));
    await p.getByLabel('New password').fill('amber kettle drums 9 under snow');
    await p.getByRole('button', { name: 'Change password' }).click();
    await p.getByRole('alert').waitFor();
    await p.goto(resetLink);
    await p.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await p.getByLabel('New password').fill('amber kettle drums 9 under snow');
    await p.getByRole('button', { name: 'Change password' }).click();
    await p.getByText('Your password is changed.').waitFor();
    await h.screenshot(p, 'accounts-password-reset');

    // The old password is refused, the new one works; the reset ended the first device's session.
    await p.getByRole('link', { name: 'Sign in' }).click();
    await submitSignIn(p, 'sam@example.com', STRONG_PASSWORD);
    await p.getByRole('alert').waitFor();
    await p.getByLabel('Password').fill('amber kettle drums 9 under snow');
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.getByRole('heading', { name: /Contacts/, level: 1 }).waitFor();
    await first.page.reload();
    await first.page.getByRole('heading', { name: 'Sign in' }).waitFor();

    expect(first.consoleErrors).toEqual([]);
    expect(second.consoleErrors).toEqual([]);
    await first.context.close();
    await second.context.close();
  }, 90_000);

  it('creates a second workspace and switches between them, each keeping its own records', async () => {
    onTestFailed(() => h.screenshotAll('accounts-workspaces-failure'));
    const wendy = await verifiedUser(h.app, { name: 'Wendy Two', email: 'wendy@example.com', workspaceName: 'First Floor' });
    await wendy.client.ok(`mutation { createContact(input: { firstName: "Frank", lastName: "First" }) { id } }`);
    const { page, consoleErrors } = await withSession(wendy.client);
    await page.goto('/contacts');
    await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Frank First' }).waitFor();

    const switcher = page.getByLabel('Workspace', { exact: true });
    await switcher.selectOption({ label: '+ New workspace…' });
    await page.getByRole('heading', { name: 'New workspace' }).waitFor();
    await page.getByLabel('Workspace name').fill('Second Floor');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('No contacts yet.').waitFor();
    await expect.poll(() => switcher.locator('option:checked').textContent(), WAIT).toBe('Second Floor');

    await page.getByRole('button', { name: 'New contact' }).click();
    await page.getByLabel('First name').fill('Sally');
    await page.getByLabel('Last name').fill('Second');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await page.getByRole('heading', { name: 'Sally Second', level: 1 }).waitFor();
    await page.goto('/contacts');
    const table = page.getByRole('table', { name: 'Contacts' });
    await table.getByRole('link', { name: 'Sally Second' }).waitFor();
    expect(await table.getByRole('link', { name: 'Frank First' }).count()).toBe(0);
    await h.screenshot(page, 'accounts-second-workspace');

    // Back to the first by keyboard (the option above): its contact, not the other's.
    await switcher.focus();
    await page.keyboard.press('ArrowUp');
    await table.getByRole('link', { name: 'Frank First' }).waitFor();
    expect(await table.getByRole('link', { name: 'Sally Second' }).count()).toBe(0);
    await switcher.selectOption({ label: 'Second Floor' });
    await table.getByRole('link', { name: 'Sally Second' }).waitFor();
    expect(await table.getByRole('link', { name: 'Frank First' }).count()).toBe(0);

    // The API agrees: each workspace has its own one contact.
    const me = await meOf(wendy.client.cookie!);
    const names = async (workspaceName: string) => {
      wendy.client.workspaceId = me!.workspaces.find((w) => w.name === workspaceName)!.id;
      const data = await wendy.client.ok<{ contacts: { edges: { node: { name: string } }[] } }>('{ contacts(first: 10) { edges { node { name } } } }');
      return data.contacts.edges.map((e) => e.node.name);
    };
    expect(await names('Second Floor')).toEqual(['Sally Second']);
    expect(await names('First Floor')).toEqual(['Frank First']);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('edits the profile name and changes the password', async () => {
    onTestFailed(() => h.screenshotAll('accounts-profile-failure'));
    const pat = await verifiedUser(h.app, { name: 'Pat Profile', email: 'pat@example.com', workspaceName: 'Pat Place' });
    const otherDevice = h.app.client();
    await otherDevice.ok('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }', { e: 'pat@example.com', p: STRONG_PASSWORD });
    const { page, consoleErrors } = await withSession(pat.client);
    await page.goto('/settings');
    await page.getByRole('heading', { name: 'Profile', level: 2 }).waitFor();
    const name = page.getByLabel('Name', { exact: true });
    await expect.poll(() => name.inputValue(), WAIT).toBe('Pat Profile');
    await name.fill('Patricia Profile');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    expect((await meOf(pat.client.cookie!))?.name).toBe('Patricia Profile');
    await page.reload();
    await expect.poll(() => name.inputValue(), WAIT).toBe('Patricia Profile');

    // A wrong current password is refused; the right one changes it.
    await page.getByLabel('Current password').fill('a wrong guess of a password');
    await page.getByLabel('New password').fill('copper meadow lamps 4 at noon');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Current password').fill(STRONG_PASSWORD);
    await page.getByLabel('New password').fill('copper meadow lamps 4 at noon');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed; your other devices are signed out.').waitFor();
    expect(await page.getByLabel('Current password').inputValue()).toBe('');
    await h.screenshot(page, 'accounts-profile');
    // This device stays signed in; the other is signed out.
    expect(await meOf(await cookieOf(page))).not.toBeNull();
    expect(await meOf(otherDevice.cookie!)).toBeNull();
    expect(consoleErrors).toEqual([]);

    const other = await open();
    await other.page.goto('/sign-in');
    await submitSignIn(other.page, 'pat@example.com', STRONG_PASSWORD);
    await other.page.getByRole('alert').waitFor();
    await other.page.getByLabel('Password').fill('copper meadow lamps 4 at noon');
    await other.page.getByRole('button', { name: 'Sign in' }).click();
    await other.page.getByRole('heading', { name: /Contacts/, level: 1 }).waitFor();
    expect(other.consoleErrors).toEqual([]);
    await page.context().close();
    await other.context.close();
  }, 90_000);

  it('applies theme and font at once and keeps them for another device', async () => {
    onTestFailed(() => h.screenshotAll('accounts-preferences-failure'));
    const { page, consoleErrors } = await withSession(f.clients.ADMIN, f.workspaceGid);
    await page.goto('/settings/preferences');
    await page.getByRole('heading', { name: 'Preferences', level: 2 }).waitFor();
    const html = () =>
      page.evaluate(() => ({
        theme: document.documentElement.dataset.theme,
        font: document.documentElement.dataset.font,
        size: document.documentElement.style.fontSize,
      }));

    // Two choices in quick succession, the account's answer to the first arriving after the second: neither
    // is undone on screen. The answer is fetched at once but handed to the page only when released.
    let answered!: () => void;
    let release!: () => void;
    const fetched = new Promise<void>((resolve) => (answered = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const isMe = (url: string) => new URL(url).searchParams.get('query')?.startsWith('query Me ') ?? false;
    // Only the first read of the account is held: the cache may read it again meanwhile, and that answer passes.
    let heldRead: Request | null = null;
    await page.route(/\/graphql\?/, async (route) => {
      if (heldRead || !isMe(route.request().url())) return route.fallback();
      heldRead = route.request();
      const response = await route.fetch();
      answered();
      await released;
      await route.fulfill({ response });
    });
    await page.getByRole('radio', { name: 'Dark' }).check();
    expect((await html()).theme).toBe('dark');
    await fetched;
    await page.getByLabel('Font').selectOption({ label: 'Serif' });
    expect(await html()).toMatchObject({ theme: 'dark', font: 'serif' });
    await expect.poll(async () => (await h.app.prisma.user.findUniqueOrThrow({ where: { id: f.users.ADMIN.id } })).fontFamily, WAIT).toBe('serif');
    const late = page.waitForResponse((response) => response.request() === heldRead);
    release();
    await late;
    await page.unroute(/\/graphql\?/);
    // Let the page handle the late answer (two frames), then look again.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await html()).toMatchObject({ theme: 'dark', font: 'serif' });
    expect(await page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Font').inputValue()).toBe('serif');
    // The size slider by keyboard: two steps up, the first step's save held on its way until after the second
    // key. Sent side by side, that older save would land last and leave the account one step behind the page.
    const size = page.getByLabel(/^Text size/);
    const bigger = Number(await size.inputValue()) + 2;
    let releaseSave!: () => void;
    const saveReleased = new Promise<void>((resolve) => (releaseSave = resolve));
    let held = false;
    let sent!: Promise<void>;
    await page.route(/\/graphql$/, async (route) => {
      if (held || !route.request().postData()?.includes('mutation UpdatePreferences')) return route.fallback();
      held = true;
      sent = saveReleased.then(() => route.continue());
      await sent;
    });
    await size.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await html()).size, WAIT).toBe(`${bigger}px`);
    expect(held).toBe(true);
    releaseSave();
    await sent;
    await page.unroute(/\/graphql$/);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/serif/i);
    await expect
      .poll(async () => {
        const user = await h.app.prisma.user.findUniqueOrThrow({ where: { id: f.users.ADMIN.id } });
        return [user.theme, user.fontFamily, user.fontSize];
      }, WAIT)
      .toEqual(['DARK', 'serif', bigger]);
    await page.getByText('Saved to your account.').waitFor();
    await h.screenshot(page, 'accounts-preferences-dark');

    // Another device, signed in by the form, gets them from the account.
    const other = await open();
    await other.page.goto('/sign-in');
    await submitSignIn(other.page, f.users.ADMIN.email, STRONG_PASSWORD);
    await other.page.getByRole('heading', { name: /Contacts/, level: 1 }).waitFor();
    await expect
      .poll(
        () =>
          other.page.evaluate(() => [document.documentElement.dataset.theme, document.documentElement.dataset.font, document.documentElement.style.fontSize]),
        WAIT,
      )
      .toEqual(['dark', 'serif', `${bigger}px`]);
    await other.page.goto('/settings/preferences');
    expect(await other.page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    expect(await other.page.getByLabel('Font').inputValue()).toBe('serif');
    expect(await other.page.getByLabel(/^Text size/).inputValue()).toBe(String(bigger));
    expect(consoleErrors).toEqual([]);
    expect(other.consoleErrors).toEqual([]);
    await page.context().close();
    await other.context.close();
  }, 90_000);

  it('changes a member’s role, removes a member who then loses access, and revokes an invitation', async () => {
    onTestFailed(() => h.screenshotAll('accounts-members-failure'));
    const { page, consoleErrors } = await withSession(f.clients.OWNER, f.workspaceGid);
    const member = await withSession(f.clients.MEMBER, f.workspaceGid);
    const viewer = await withSession(f.clients.VIEWER, f.workspaceGid);
    await member.page.goto('/contacts');
    await member.page.getByRole('button', { name: 'New contact' }).waitFor();
    await viewer.page.goto('/contacts');
    await viewer.page.getByText('No contacts yet.').waitFor();

    await page.goto('/settings/members');
    await page.getByRole('heading', { name: 'Members of Acme', level: 2 }).waitFor();
    await page.getByLabel('Role of Member Person').selectOption('VIEWER');
    await expect.poll(async () => (await h.app.prisma.membership.findUniqueOrThrow({ where: { id: f.users.MEMBER.membershipId } })).role, WAIT).toBe('VIEWER');
    await expect.poll(() => page.getByLabel('Role of Member Person').inputValue(), WAIT).toBe('VIEWER');
    // The member, now a viewer, is no longer offered record creation.
    await member.page.reload();
    await member.page.getByText('No contacts yet.').waitFor();
    expect(await member.page.getByRole('button', { name: 'New contact' }).count()).toBe(0);

    // Removal asks first; Cancel (Escape) keeps the member, the confirmation (focused, Enter) removes them.
    await page.getByRole('button', { name: 'Remove Viewer Person' }).click();
    const question = page.getByRole('group', { name: 'Remove Viewer Person from Acme? They lose access at once.' });
    await question.waitFor();
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    expect(await h.app.prisma.membership.count({ where: { id: f.users.VIEWER.membershipId } })).toBe(1);
    await page.getByRole('button', { name: 'Remove Viewer Person' }).click();
    await question.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Remove member');
    await page.keyboard.press('Enter');
    await page.getByRole('cell', { name: /viewer@example\.com/ }).waitFor({ state: 'detached' });
    expect(await h.app.prisma.membership.count({ where: { id: f.users.VIEWER.membershipId } })).toBe(0);
    // The removed viewer keeps an account but no longer sees the workspace, in the app or through the API.
    await viewer.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Companies' }).click();
    await viewer.page.getByRole('alert').getByText('Workspace not found.').waitFor();
    await viewer.page.reload();
    await viewer.page.getByRole('heading', { name: 'No workspace yet' }).waitFor();
    expect(await viewer.page.getByLabel('Workspace', { exact: true }).locator('option', { hasText: 'Acme' }).count()).toBe(0);
    const refused = await f.clients.VIEWER.gql('{ contacts(first: 1) { totalCount } }');
    expect(refused.data?.contacts ?? null).toBeNull();
    expect(refused.errors?.length).toBeGreaterThan(0);

    // An invitation, then revoked: listed, gone, and its link no longer admits anyone.
    await page.getByLabel('Email to invite').fill('newbie@example.com');
    await page.getByLabel('Role', { exact: true }).selectOption('MEMBER');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText('newbie@example.com · Member').waitFor();
    await h.screenshot(page, 'accounts-members-invited');
    await page.getByRole('button', { name: 'Revoke the invitation of newbie@example.com' }).click();
    await page.getByText('No pending invitations.').waitFor();
    expect((await h.app.prisma.invitation.findFirstOrThrow({ where: { email: 'newbie@example.com' } })).revokedAt).not.toBeNull();
    const token = await tokenFromOutbox(h.app, 'newbie@example.com', '/invitations/accept');
    const newbie = await verifiedUser(h.app, { name: 'New Bie', email: 'newbie@example.com', workspaceName: 'Newbie Home' });
    const accepted = await newbie.client.gql('mutation($t: String!) { acceptInvitation(token: $t) { id } }', { t: token });
    expect(accepted.errors?.length).toBeGreaterThan(0);
    await h.screenshot(page, 'accounts-members-after');

    expect(consoleErrors).toEqual([]);
    expect(member.consoleErrors).toEqual([]);
    expect(viewer.consoleErrors).toEqual([]);
    for (const opened of [page.context(), member.context, viewer.context]) await opened.close();
  }, 90_000);

  it('deletes a workspace after confirming its name and password; its members stay signed in; the owner can cancel', async () => {
    onTestFailed(() => h.screenshotAll('accounts-delete-workspace-failure'));
    const dana = await verifiedUser(h.app, { name: 'Dana Delete', email: 'dana@example.com', workspaceName: 'Dana Studio' });
    await dana.client.ok(`mutation { createContact(input: { firstName: "Kept", lastName: "Briefly" }) { id } }`);
    const studio = await h.app.prisma.workspace.findFirstOrThrow({ where: { name: 'Dana Studio' } });
    await h.app.prisma.membership.create({ data: { workspaceId: studio.id, userId: f.users.MEMBER.id, role: 'MEMBER' } });
    const member = await withSession(f.clients.MEMBER, dana.client.workspaceId!);
    await member.page.goto('/contacts');
    await member.page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Kept Briefly' }).waitFor();
    const { page, consoleErrors } = await withSession(dana.client);
    await page.goto('/settings/privacy');
    await page.getByRole('heading', { name: 'Delete the workspace “Dana Studio”' }).waitFor();
    const confirmName = page.getByLabel('Type the workspace name (Dana Studio) to confirm');
    const deleteWorkspace = page.getByRole('button', { name: 'Delete this workspace' });
    expect(await deleteWorkspace.isDisabled()).toBe(true);
    await confirmName.fill('Dana Studi');
    expect(await deleteWorkspace.isDisabled()).toBe(true);
    await confirmName.fill('Dana Studio');
    await page.getByLabel('Your password').fill('not my password at all');
    await deleteWorkspace.click();
    await page.getByRole('alert').waitFor();
    expect((await h.app.prisma.workspace.findFirstOrThrow({ where: { name: 'Dana Studio' } })).closedAt).toBeNull();
    await page.getByLabel('Your password').fill(STRONG_PASSWORD);
    await deleteWorkspace.click();

    // The API agrees: closed for its members at once, listed for the owner as pending deletion.
    await expect.poll(async () => (await h.app.prisma.workspace.findFirstOrThrow({ where: { name: 'Dana Studio' } })).closedAt, WAIT).not.toBeNull();
    const pending = await dana.client.ok<{ workspacesPendingDeletion: { name: string }[] }>('{ workspacesPendingDeletion { name } }');
    expect(pending.workspacesPendingDeletion.map((w) => w.name)).toEqual(['Dana Studio']);
    const closed = await dana.client.gql('{ contacts(first: 1) { totalCount } }');
    expect(closed.data?.contacts ?? null).toBeNull();
    expect(closed.errors?.length).toBeGreaterThan(0);
    // The app: still signed in, the workspace gone from the switcher and listed as pending deletion.
    await page.getByRole('heading', { name: 'Workspaces scheduled for deletion' }).waitFor();
    await page.getByText(/Dana Studio: purged on/).waitFor();
    const switcher = page.getByLabel('Workspace', { exact: true });
    await expect.poll(() => switcher.locator('option').allTextContents(), WAIT).toEqual(['+ New workspace…']);
    expect((await meOf(dana.client.cookie!))?.workspaces).toEqual([]);
    await h.screenshot(page, 'accounts-workspace-deleted');

    // A member who had it open stays signed in, back in their other workspace.
    await member.page.reload();
    await member.page.getByRole('heading', { name: /Contacts/, level: 1 }).waitFor();
    expect(await member.page.getByLabel('Workspace', { exact: true }).locator('option').allTextContents()).toEqual(['Acme', '+ New workspace…']);

    // Until the purge the owner can cancel, and the workspace comes back.
    await page.getByRole('button', { name: 'Cancel deletion of Dana Studio' }).click();
    await expect.poll(() => switcher.locator('option').allTextContents(), WAIT).toEqual(['Dana Studio', '+ New workspace…']);
    expect((await h.app.prisma.workspace.findFirstOrThrow({ where: { name: 'Dana Studio' } })).closedAt).toBeNull();
    expect(consoleErrors).toEqual([]);
    expect(member.consoleErrors).toEqual([]);
    await page.context().close();
    await member.context.close();
  }, 90_000);

  it('deletes the account after confirming; the user is signed out and cannot sign in again', async () => {
    onTestFailed(() => h.screenshotAll('accounts-delete-account-failure'));
    const carl = await verifiedUser(h.app, { name: 'Carl Closer', email: 'carl@example.com', workspaceName: 'Carl Co' });
    // Another owner keeps the workspace, so Carl may leave (the only owner is refused: settings.test.ts).
    const carlCo = await h.app.prisma.workspace.findFirstOrThrow({ where: { name: 'Carl Co' } });
    await h.app.prisma.membership.create({ data: { workspaceId: carlCo.id, userId: f.users.OWNER.id, role: 'OWNER' } });
    const { page, consoleErrors } = await withSession(carl.client);
    await page.goto('/settings/privacy');
    await page.getByRole('heading', { name: 'Delete my account' }).waitFor();
    await page.getByLabel('Password', { exact: true }).fill(STRONG_PASSWORD);
    const deleteAccount = page.getByRole('button', { name: 'Delete my account' });
    expect(await deleteAccount.isDisabled()).toBe(true);
    await page.getByLabel('I understand this cannot be undone.').check();
    await deleteAccount.click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await h.screenshot(page, 'accounts-account-deleted');

    // The API agrees: the session is gone, the account is marked deleted, the workspace stays with its other owner.
    expect(await meOf(carl.client.cookie!)).toBeNull();
    const user = await h.app.prisma.user.findUniqueOrThrow({ where: { email: 'carl@example.com' } });
    expect(user.deletedAt).not.toBeNull();
    expect(await h.app.prisma.membership.count({ where: { userId: user.id } })).toBe(0);
    expect(await h.app.prisma.membership.count({ where: { workspaceId: carlCo.id, role: 'OWNER' } })).toBe(1);
    // The app restarts itself after signing out; a fresh load makes sure the form typed into is the live one.
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await submitSignIn(page, 'carl@example.com', STRONG_PASSWORD);
    await page.getByRole('alert').waitFor();
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  }, 90_000);
});
