// Connecting a mailbox by signing in with Google, as a member does it: the button, the provider's consent
// (a loopback OAuth server), Kith's callback, the connected mailbox syncing from Dovecot with XOAUTH2;
// then a revoked grant shown on the mailbox.
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { mailboxWatchers } from '../../server/modules/channels/imap/mailbox-watcher.js';
import { testChannels } from '../../server/modules/channels/test/channels-config.js';
import { startDovecot } from '../../server/modules/channels/test/dovecot.js';
import { loopbackGoogle, startOAuthServer } from '../../server/modules/channels/test/oauth-server.js';
import { rolesFixture, type RolesFixture } from '../../server/test/fixtures.js';
import { startHarness, type Harness } from './harness.js';

const EMAIL = 'oauth.member@example.com';
// Access tokens shorter than Kith's minute of margin: every sign-in refreshes, so a revoked grant shows at once.
const oauth = await startOAuthServer({ clientId: 'kith-client', clientSecret: 'kith-secret', email: EMAIL, accessTokenSeconds: 30 });
const dovecot = await startDovecot({ [EMAIL]: 'no-password-login-here' }, { oauth2IntrospectionUrl: oauth.introspectionUrl });
const google = loopbackGoogle(oauth, { imap: dovecot.port, smtp: 1 });

let h: Harness;
let f: RolesFixture;
beforeAll(async () => {
  h = await startHarness({ config: { channels: testChannels({ oauth: { google } }) } });
  // The provider sends the browser back to PUBLIC_URL: here, the harness's own address.
  h.app.services.config.publicUrl = h.url;
  f = await rolesFixture(h.app);
}, 120_000);

afterAll(async () => {
  await mailboxWatchers(h.app.services).stopAll();
  await h?.close();
  await Promise.all([oauth.close(), dovecot.stop()]);
});

describe('mailbox by signing in with Google', () => {
  it('connects through the consent and callback, syncs, and shows a revoked grant on the mailbox', async () => {
    onTestFailed(() => h.screenshotAll('mail-oauth'));
    const { page, consoleErrors } = await h.signedInPage(f.clients.MEMBER.cookie!, f.workspaceGid);
    await page.goto('/settings/channels');
    await page.getByRole('group', { name: 'Connect by signing in' }).getByRole('button', { name: 'Connect with Google' }).click();
    await page.getByRole('status').filter({ hasText: 'Mailbox connected: the first sync has started.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/channels');
    const mailbox = page.getByRole('listitem').filter({ hasText: EMAIL });
    await mailbox.waitFor();
    await expect.poll(async () => (await h.app.prisma.mailbox.findFirstOrThrow()).status, { timeout: 20_000 }).toBe('IDLE');
    expect(await h.app.prisma.mailbox.findFirstOrThrow()).toMatchObject({ oauthProvider: 'google', userId: f.users.MEMBER.id });

    const watchers = mailboxWatchers(h.app.services);
    const { id } = await h.app.prisma.mailbox.findFirstOrThrow();
    await watchers.unwatch(id);
    oauth.revokeAll();
    watchers.watch(id);
    await expect.poll(async () => (await h.app.prisma.mailbox.findFirstOrThrow()).status, { timeout: 20_000 }).toBe('ERROR');
    await page.reload();
    await mailbox.getByText(/connect the mailbox again/).waitFor();
    expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
  }, 120_000);
});
