// A real Kith server (fresh migrated database, HTTP + WebSocket on 127.0.0.1, random port) serving a
// build of the web app made once per test run, and Debian's Chromium driven by playwright-core.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import type { Config } from '../../server/config.js';
import { createKithServer, type KithServer } from '../../server/http/server.js';
import { TestApp } from '../../server/test/test-app.js';
import { openTestDatabase } from '../../server/test/test-database.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core on the page as it is and throws on any serious or critical violation, naming the rule and the
 * first elements. Injected through the DevTools protocol, so the app's CSP (scripts from 'self' only) allows it.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length === 0) return;
  const lines = serious.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes
        .slice(0, 3)
        .map((n) => JSON.stringify(n.target))
        .join(', ')}`,
  );
  throw new Error(`axe found ${serious.length} serious or critical violation(s) on ${screen}:\n${lines.join('\n')}`);
}

export interface Harness {
  url: string;
  app: TestApp;
  browser: Browser;
  /** A new browser context (its own cookies) whose pages fail the test on console errors. */
  newPage(): Promise<{ context: BrowserContext; page: Page; consoleErrors: string[] }>;
  /** newPage, signed in with a session cookie (`name=value`), and with that workspace chosen when given. */
  signedInPage(cookie: string, workspaceGid?: string): Promise<{ context: BrowserContext; page: Page; consoleErrors: string[] }>;
  /** The path and query of the newest dev-outbox link to `to` containing `path`. */
  outboxLink(to: string, path: string): Promise<string>;
  screenshot(page: Page, name: string): Promise<void>;
  /** Screenshots of every open page, for a failing test. */
  screenshotAll(prefix: string): Promise<void>;
  close(): Promise<void>;
}

const CHROMIUM = '/usr/bin/chromium';

/**
 * The web app built once per run into the folder the global setup names, whichever worker gets there first: each
 * builds aside and renames into place, so a server never serves a half-written build (a second build is dropped).
 */
async function clientBuild(): Promise<string> {
  const dir = inject('clientBuildDir');
  if (existsSync(join(dir, 'index.html'))) return dir;
  const aside = await mkdtemp(`${dir}-`);
  await promisify(execFile)(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', 'client', '--outDir', aside, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT,
  });
  await rename(aside, dir).catch(() => rm(aside, { recursive: true, force: true }));
  return dir;
}

/** `config`: settings for the server under test (billing or channels turned on, for instance). */
export async function startHarness(options: { config?: Partial<Config> } = {}): Promise<Harness> {
  if (!existsSync(CHROMIUM)) throw new Error('Chromium is not installed: run `bash .ci/provision.sh` (or apt-get install -y chromium).');
  const clientDir = await clientBuild();
  const db = await openTestDatabase();
  const app = new TestApp(db, { config: options.config });
  const server: KithServer = createKithServer(app.services, { clientDir });
  const port = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await mkdir(SCREENSHOTS, { recursive: true });
  console.log(`Screenshots: ${SCREENSHOTS}`);
  const pages: Page[] = [];
  const screenshot = async (page: Page, name: string) => {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  };

  const newPage = async () => {
    const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    pages.push(page);
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    return { context, page, consoleErrors };
  };

  return {
    url,
    app,
    browser,
    newPage,
    async signedInPage(cookie, workspaceGid) {
      const opened = await newPage();
      const [name, value] = cookie.split('=') as [string, string];
      await opened.context.addCookies([{ name, value, url }]);
      // Init scripts run in every frame; a sandboxed one (an email's HTML) has no storage to write to.
      if (workspaceGid)
        await opened.page.addInitScript((id) => {
          if (window === window.top) localStorage.setItem('kith.workspace', id);
        }, workspaceGid);
      return opened;
    },
    async outboxLink(to, path) {
      const emails = (await (await fetch(`${url}/dev/outbox`)).json()) as Array<{ to: string; link: string | null }>;
      const link = emails.find((email) => email.to === to && email.link?.includes(path))?.link;
      if (!link) throw new Error(`No ${path} email to ${to} in the dev outbox`);
      const parsed = new URL(link);
      return parsed.pathname + parsed.search;
    },
    screenshot,
    async screenshotAll(prefix) {
      for (const [i, page] of pages.entries()) if (!page.isClosed()) await screenshot(page, `${prefix}-${i + 1}`).catch(() => undefined);
    },
    async close() {
      await browser.close();
      await server.close();
      await db.close();
    },
  };
}
