// The fixture pages served over HTTPS on loopback, each at its real address: Chromium maps the sites'
// hostnames here with a host-resolver rule, so the extension's real match patterns apply.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FIXTURE_PAGES, type FixtureName } from '../fixtures/pages.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const key = (url: URL) => `${url.hostname}${url.pathname.replace(/\/+$/, '')}`;

export interface FixtureSites {
  port: number;
  hosts: string[];
  /** Rewrites a page's HTML from now on (a profile that changed since the last clip). */
  edit(name: FixtureName, change: (html: string) => string): void;
  close(): Promise<void>;
}

export async function startFixtureSites(scratch: string): Promise<FixtureSites> {
  const keyFile = join(scratch, 'key.pem');
  const certFile = join(scratch, 'cert.pem');
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=fixtures.test',
    '-days',
    '1',
    '-keyout',
    keyFile,
    '-out',
    certFile,
  ]);
  const pages = new Map(Object.entries(FIXTURE_PAGES).map(([name, url]) => [key(new URL(url)), name as FixtureName]));
  const edits = new Map<FixtureName, (html: string) => string>();
  const server: Server = createServer({ key: await readFile(keyFile), cert: await readFile(certFile) }, (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
    const name = pages.get(key(url));
    if (!name) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not a fixture');
      return;
    }
    void readFile(join(FIXTURES, name), 'utf8').then((html) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end((edits.get(name) ?? ((h: string) => h))(html));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const hosts = [...new Set(Object.values(FIXTURE_PAGES).map((url) => new URL(url).hostname))];
  return {
    port: (server.address() as AddressInfo).port,
    hosts,
    edit: (name, change) => edits.set(name, change),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
