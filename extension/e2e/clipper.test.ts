// Kith Clipper in Debian's Chromium (new headless, --load-extension), against a real Kith server, on
// the fixture pages served under the sites' own hostnames. Steps run in order, as a person would.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKithServer, type KithServer } from '../../server/http/server.js';
import { dealRow } from '../../server/test/record-fixtures.js';
import { apiKeyFor, rolesFixture, type RolesFixture } from '../../server/test/fixtures.js';
import { TestApp } from '../../server/test/test-app.js';
import { openTestDatabase } from '../../server/test/test-database.js';
import { FIXTURE_PAGES } from '../fixtures/pages.js';
import { startFixtureSites, type FixtureSites } from './fixture-sites.js';

/** The extension APIs the test calls inside extension pages. */
declare const chrome: {
  tabs: { query(query: { url?: string }): Promise<Array<{ id?: number }>> };
  action: { getBadgeText(details: { tabId: number }): Promise<string>; getTitle(details: { tabId: number }): Promise<string> };
  storage: { local: { get(keys: string | null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
};

const ROOT = resolve(import.meta.dirname, '..', '..');
const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';
const ADA = FIXTURE_PAGES['linkedin/public-profile.html'];
const GRACE = FIXTURE_PAGES['linkedin/signed-in-embedded.html'];

let scratch: string;
let app: TestApp;
let kith: KithServer;
let kithUrl: string;
let sites: FixtureSites;
let context: BrowserContext;
let extensionId: string;
let f: RolesFixture;
let viewerKeyId: string;
const keys = { member: '', viewer: '' };

async function buildExtension(outDir: string) {
  const hosts = ['http://127.0.0.1/*', ...Object.values(FIXTURE_PAGES).map((url) => `https://${new URL(url).hostname}/*`)];
  await promisify(execFile)(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build', 'extension'], {
    cwd: ROOT,
    env: { ...process.env, KITH_CLIPPER_OUT_DIR: outDir, KITH_CLIPPER_TEST_HOSTS: [...new Set(hosts)].join(',') },
  });
  return join(outDir, 'chrome-mv3');
}

async function extensionPage(path: string) {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return Object.assign(page, { errors });
}

/** The popup (or side panel) for the tab showing `url`, opened as a page and told which tab it is for. */
async function popupFor(url: string, page: 'popup' | 'sidepanel' = 'popup') {
  const helper = await extensionPage('options.html');
  const tabId = await helper.evaluate(async (pattern) => (await chrome.tabs.query({ url: pattern }))[0]?.id, `${url.split('?')[0]}*`);
  await helper.close();
  expect(tabId, `a tab showing ${url}`).toBeTypeOf('number');
  return extensionPage(`${page}.html?tab=${tabId}`);
}

async function openProfile(url: string) {
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `clipper-${name}.png`), fullPage: true });

async function addServer(url: string, apiKey: string) {
  const options = await extensionPage('options.html');
  await options.getByLabel('Server address').fill(url);
  await options.getByLabel('API key').fill(apiKey);
  await options.getByRole('button', { name: 'Check and save' }).click();
  return options;
}

async function removeServers() {
  const options = await extensionPage('options.html');
  while (await options.getByRole('button', { name: /^Remove / }).count())
    await options
      .getByRole('button', { name: /^Remove / })
      .first()
      .click();
  await options.close();
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error('Chromium is not installed: run `bash .ci/provision.sh` (or apt-get install -y chromium).');
  scratch = await mkdtemp(join(tmpdir(), 'kith-clipper-'));
  await mkdir(SCREENSHOTS, { recursive: true });
  const [extensionDir, fixtureSites, db] = await Promise.all([buildExtension(join(scratch, 'build')), startFixtureSites(scratch), openTestDatabase()]);
  sites = fixtureSites;
  app = new TestApp(db);
  kith = createKithServer(app.services);
  kithUrl = `http://127.0.0.1:${await kith.listen(0, '127.0.0.1')}`;
  f = await rolesFixture(app);
  keys.member = (await apiKeyFor(app, f.users.MEMBER.id, f.workspaceId, 'MEMBER')).secret;
  const viewer = await apiKeyFor(app, f.users.VIEWER.id, f.workspaceId, 'VIEWER');
  keys.viewer = viewer.secret;
  viewerKeyId = viewer.apiKey.id;
  await app.prisma.tag.create({ data: { workspaceId: f.workspaceId, name: 'speaker' } });
  await dealRow(app, f, { name: 'Engine retrofit' });
  context = await chromium.launchPersistentContext(join(scratch, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 520, height: 900 },
    ignoreHTTPSErrors: true,
    locale: 'en-US',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${sites.hosts.map((host) => `MAP ${host} 127.0.0.1:${sites.port}`).join(', ')}`,
      '--ignore-certificate-errors',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  extensionId = new URL(worker.url()).host;
}, 240_000);

afterAll(async () => {
  await context?.close();
  await kith?.close();
  await sites?.close();
  await app?.db.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('Kith Clipper in Chromium', () => {
  it('checks a member key on the options page and shows its workspace and role', async () => {
    const options = await addServer(kithUrl, keys.member);
    await expect.poll(() => options.getByTestId('added').textContent()).toBe('Connected to Acme as MEMBER.');
    expect(await options.getByTestId('server').textContent()).toContain('Acme · MEMBER');
    await shot(options, '0-options');
    expect(options.errors).toEqual([]);
    await options.close();
  });

  it('1. check: a profile not in Kith yet', async () => {
    await openProfile(ADA);
    const popup = await popupFor(ADA);
    await popup.getByTestId('no-match').waitFor();
    expect(await popup.getByLabel('Headline').inputValue()).toBe('Analyst of engines and numbers');
    expect(await popup.locator('.page__url').textContent()).toBe('https://www.linkedin.com/in/ada-lovelace/');
    await shot(popup, '1-not-found');
    await popup.close();
  });

  it('2. create: saves the contact with its clip source, a note, a tag, an owner and a deal', async () => {
    const popup = await popupFor(ADA);
    await popup.getByTestId('no-match').waitFor();
    await popup.getByText('Note, tags, owner, deal').click();
    await popup.getByLabel('Note').fill('Met at the Analytical Society');
    await popup.getByRole('checkbox', { name: 'speaker' }).check();
    await popup.getByLabel('Owner').selectOption({ label: 'Admin Person' });
    await popup.getByLabel('Add to deal').selectOption({ label: 'Engine retrofit' });
    await popup.getByRole('button', { name: 'Create contact' }).click();
    await expect.poll(() => popup.getByTestId('done').textContent(), { timeout: 15_000 }).toMatch(/^Created Ada Lovelace \(\d+ fields written\)\.$/);
    await shot(popup, '2-created');
    const contact = await app.prisma.contact.findFirstOrThrow({
      where: { workspaceId: f.workspaceId },
      include: { clipSources: true, company: true, tags: true, notes: true, deals: { include: { deal: true } } },
    });
    expect(contact).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      headline: 'Analyst of engines and numbers',
      location: 'London, England, United Kingdom',
      company: { name: 'Analytical Engines Ltd' },
      ownerId: f.users.ADMIN.id,
      tags: [{ name: 'speaker' }],
      notes: [{ body: 'Met at the Analytical Society' }],
      deals: [{ deal: { name: 'Engine retrofit' } }],
    });
    expect(contact.clipSources).toMatchObject([{ site: 'LINKEDIN', url: 'https://www.linkedin.com/in/ada-lovelace/', clippedById: f.users.MEMBER.id }]);
    expect(popup.errors).toEqual([]);
    await popup.close();
  });

  it('3. check: the profile is found, with owner, last activity, tags and deals', async () => {
    const popup = await popupFor(ADA);
    const match = popup.getByTestId('match');
    await match.waitFor();
    const text = await match.textContent();
    expect(text).toContain('Ada Lovelace');
    expect(text).toContain('OwnerAdmin Person');
    expect(text).toContain(`Last activity${new Date().toLocaleDateString('en-US', { dateStyle: 'medium' })}`);
    expect(text).toContain('Tagsspeaker');
    expect(text).toContain('DealsEngine retrofit (Lead)');
    expect(await popup.getByRole('link', { name: 'Ada Lovelace' }).getAttribute('href')).toMatch(new RegExp(`^${kithUrl}/contacts/`));
    await shot(popup, '3-found');
    await popup.close();
    const panel = await popupFor(ADA, 'sidepanel');
    await panel.getByTestId('match').waitFor();
    await panel.getByRole('button', { name: 'Read the page again' }).click();
    await panel.getByTestId('match').waitFor();
    expect(panel.errors).toEqual([]);
    await panel.close();
  });

  it('4. update: a changed page shows the field diff, and only the fields picked are overwritten', async () => {
    sites.edit('linkedin/public-profile.html', (html) => html.replaceAll('Analyst of engines and numbers', 'Enchantress of numbers'));
    const tab = context.pages().find((p) => p.url().startsWith('https://www.linkedin.com/in/ada-lovelace'))!;
    await tab.reload();
    const popup = await popupFor(ADA);
    await popup.getByTestId('match').waitFor();
    await popup.getByRole('button', { name: 'Review update' }).click();
    const row = popup.getByRole('row', { name: /Headline/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Analyst of engines and numbers');
    expect(await row.textContent()).toContain('Enchantress of numbers');
    await popup.getByRole('checkbox', { name: 'Overwrite Headline' }).check();
    await shot(popup, '4-diff');
    await popup.getByRole('button', { name: 'Update contact' }).click();
    await expect.poll(() => popup.getByTestId('done').textContent(), { timeout: 15_000 }).toBe('Updated Ada Lovelace (1 field written).');
    const contact = await app.prisma.contact.findFirstOrThrow({
      where: { workspaceId: f.workspaceId },
      include: { clipSources: { orderBy: { clippedAt: 'asc' } } },
    });
    expect(contact.headline).toBe('Enchantress of numbers');
    expect(contact.clipSources.map((c) => c.fieldsWritten)).toEqual([expect.arrayContaining(['HEADLINE', 'FIRST_NAME']), ['HEADLINE']]);
    await popup.close();
  });

  it('reads Upwork and Djinni profiles too, and saves a field as the person corrected it', async () => {
    const upworkUrl = FIXTURE_PAGES['upwork/profile-nuxt.html'];
    await openProfile(upworkUrl);
    const upwork = await popupFor(upworkUrl);
    await upwork.getByTestId('no-match').waitFor();
    expect(await upwork.getByLabel('Hourly rate').inputValue()).toBe('$85.00/hr');
    await upwork.getByRole('button', { name: 'Create contact' }).click();
    await expect.poll(() => upwork.getByTestId('done').textContent(), { timeout: 15_000 }).toMatch(/^Created Margaret H\./);
    await upwork.close();
    expect(await app.prisma.contact.findFirstOrThrow({ where: { firstName: 'Margaret' }, include: { profiles: true } })).toMatchObject({
      headline: 'Flight software engineer | Embedded C, Rust, safety-critical systems',
      skills: ['Embedded C', 'Rust', 'Real-Time Operating Systems'],
      customFields: { hourlyRate: '$85.00/hr' },
      profiles: [{ url: 'https://www.upwork.com/freelancers/~01a2b3c4d5e6f7a8b9' }],
    });

    const djinniUrl = FIXTURE_PAGES['djinni/candidate.html'];
    await openProfile(djinniUrl);
    const djinni = await popupFor(djinniUrl);
    await djinni.getByTestId('no-match').waitFor();
    // Djinni candidates are anonymous: Kith needs a name, which the person types in.
    await djinni.getByRole('button', { name: 'Create contact' }).click();
    await expect.poll(() => djinni.getByTestId('error').textContent()).toBe('A first or last name is required.');
    await djinni.getByLabel('First name').fill('Python candidate');
    await djinni.getByLabel('Salary expectation').fill('$4800');
    await djinni.getByRole('button', { name: 'Create contact' }).click();
    await expect.poll(() => djinni.getByTestId('done').textContent(), { timeout: 15_000 }).toMatch(/^Created Python candidate/);
    await shot(djinni, '4b-djinni-created');
    await djinni.close();
    expect(await app.prisma.contact.findFirstOrThrow({ where: { firstName: 'Python candidate' } })).toMatchObject({
      jobTitle: 'Senior Python Developer',
      location: 'Kyiv, Ukraine',
      skills: ['Python', 'Django', 'PostgreSQL', 'AWS'],
      customFields: { salaryExpectation: '$4800', experienceYears: 6 },
    });
  });

  it('shows ✓ on the toolbar button for a known profile only once the person opts in for that site', async () => {
    const badge = async () => {
      const helper = await extensionPage('options.html');
      const tabId = (await helper.evaluate(
        async (pattern) => (await chrome.tabs.query({ url: pattern }))[0]?.id,
        'https://www.linkedin.com/in/ada-lovelace/*',
      ))!;
      const result = await helper.evaluate(
        async (id) => ({ text: await chrome.action.getBadgeText({ tabId: id }), title: await chrome.action.getTitle({ tabId: id }) }),
        tabId,
      );
      await helper.close();
      return result;
    };
    const tab = context.pages().find((p) => p.url().startsWith('https://www.linkedin.com/in/ada-lovelace'))!;
    await tab.reload();
    expect(await badge()).toEqual({ text: '', title: 'Kith Clipper' });

    const options = await extensionPage('options.html');
    await options.getByRole('checkbox', { name: 'LinkedIn' }).check();
    await expect
      .poll(() => options.evaluate(async () => (await chrome.storage.local.get('preferences')).preferences))
      .toMatchObject({ autoCheck: { LINKEDIN: true, UPWORK: false } });
    await options.close();
    await tab.reload();
    await expect.poll(badge, { timeout: 10_000 }).toEqual({ text: '✓', title: 'In Kith: Ada Lovelace' });
  });

  it('reads a profile reached inside the single-page app, where the content script never loaded', async () => {
    const page = await openProfile(FIXTURE_PAGES['linkedin/not-profile.html']);
    await page.evaluate(async () => {
      const html = await (await fetch('/in/katherine-johnson/')).text();
      document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
      history.pushState({}, '', '/in/katherine-johnson/');
    });
    const popup = await popupFor('https://www.linkedin.com/in/katherine-johnson/');
    await popup.getByTestId('no-match').waitFor();
    expect(await popup.getByLabel('First name').inputValue()).toBe('Katherine');
    expect(await popup.locator('.page__url').textContent()).toBe('https://www.linkedin.com/in/katherine-johnson/');
    await popup.close();
  });

  it('5. a viewer key can check but its save is refused with a clear message', async () => {
    await removeServers();
    const options = await addServer(kithUrl, keys.viewer);
    await expect.poll(() => options.getByTestId('added').textContent()).toBe('Connected to Acme as VIEWER (can check, not save).');
    await options.close();
    await openProfile(GRACE);
    const popup = await popupFor(GRACE);
    await popup.getByTestId('no-match').waitFor();
    expect(await popup.getByLabel('Emails').inputValue()).toBe('grace.hopper@navy.example');
    await popup.getByRole('button', { name: 'Create contact' }).click();
    await expect.poll(() => popup.getByTestId('error').textContent()).toMatch(/a VIEWER key can check but not save/);
    await shot(popup, '5-viewer-refused');
    expect(await app.prisma.contact.count({ where: { firstName: 'Grace' } })).toBe(0);
    await popup.close();
  });

  it('6. a revoked key is named as such', async () => {
    await app.prisma.apiKey.update({ where: { id: viewerKeyId }, data: { revokedAt: new Date() } });
    const popup = await popupFor(GRACE);
    await expect.poll(() => popup.getByTestId('lookup-error').textContent()).toMatch(/API key is wrong, expired or revoked/);
    await shot(popup, '6-revoked');
    await popup.close();
  });

  it('7. an unreachable server is named as such, on the options page and in the popup', async () => {
    const closed = kithUrl.replace(/:\d+$/, ':9');
    const options = await addServer(closed, keys.member);
    await expect.poll(() => options.getByTestId('error').textContent()).toMatch(/^Cannot reach http:\/\/127\.0\.0\.1:9\./);
    // A saved server that went away since.
    await options.evaluate(async (url) => {
      const { servers } = await chrome.storage.local.get('servers');
      await chrome.storage.local.set({ servers: (servers as Array<{ url: string }>).map((s) => ({ ...s, url })) });
    }, closed);
    await options.close();
    const popup = await popupFor(GRACE);
    await expect.poll(() => popup.getByTestId('lookup-error').textContent()).toMatch(/^Cannot reach http:\/\/127\.0\.0\.1:9\./);
    await shot(popup, '7-unreachable');
    await popup.close();
  });

  it('keeps only servers, keys and preferences in storage: no profile data', async () => {
    const options = await extensionPage('options.html');
    const stored = await options.evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(stored).sort()).toEqual(['preferences', 'servers']);
    expect(Object.keys(stored.preferences as object).sort()).toEqual(['activeServerId', 'autoCheck', 'storePhotos']);
    // Each server entry holds exactly this: no field for anything read from a page.
    expect(Object.keys((stored.servers as object[])[0]!).sort()).toEqual(['apiKey', 'canSave', 'id', 'role', 'url', 'workspaceName']);
    expect(JSON.stringify(stored)).not.toMatch(/\b(Ada|Grace|Lovelace|Hopper)\b|linkedin\.com|upwork\.com|djinni\.co/i);
    await options.close();
  });
});
