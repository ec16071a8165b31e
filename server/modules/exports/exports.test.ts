import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createKithServer, type KithServer } from '../../http/server.js';
import { JobWorker } from '../../jobs/worker.js';
import { apiKeyFor, globalId, rolesFixture } from '../../test/fixtures.js';
import { errorCodes, useTestApp, type TestApp } from '../../test/test-app.js';
import { fileStorage, newStorageKey } from '../files/storage.js';
import { writeWorkspaceArchive } from './export-archive.js';
import { BatchSize, exportedColumns, exportSources, rowBatches } from './export-sources.js';
import { expireWorkspaceExports, WORKSPACE_EXPORT } from './exports.service.js';
import { bytes, EXPORT, exportOf, lines, REQUEST, runDueJobs, seed, storedArchive } from './exports.test-helpers.js';

const getApp = useTestApp();
const brokenStorageApp = useTestApp({ config: { filesDir: '/dev/null/kith-files' } });
let server: KithServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function startServer(app: TestApp) {
  server = createKithServer(app.services);
  return `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
}

async function download(url: string, cookie: string | null) {
  const response = await fetch(url, { headers: cookie ? { cookie } : {} });
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()), headers: response.headers };
}

describe('requestWorkspaceExport', () => {
  it('writes a JSON Lines archive of this workspace only, with files and a checked manifest, and tells the requester', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { ada, deal, file } = await seed(app, f);
    const { id, node } = await exportOf(app, f, 'JSON');
    const row = await app.prisma.workspaceExport.findFirstOrThrow();
    expect(globalId('WorkspaceExport', row.id)).toBe(id);
    expect(node).toMatchObject({ status: 'DONE', downloadUrl: `http://localhost:4000/exports/${row.id}/download` });
    expect(node.recordsDone).toBe(node.recordsTotal);
    expect(node.recordsTotal).toBeGreaterThan(10);

    const url = await startServer(app);
    const path = new URL(node.downloadUrl).pathname;
    const got = await download(`${url}${path}`, f.clients.ADMIN.cookie);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/zip');
    expect(createHash('sha256').update(got.body).digest('hex')).toBe(node.sha256);
    expect(got.body.length).toBe(node.byteSize);

    const entries = unzipSync(new Uint8Array(got.body));
    const text = (name: string) => strFromU8(entries[name]!);
    const manifest = JSON.parse(text('manifest.json')) as { files: Array<{ name: string; records: number | null; sha256: string; bytes: number }> };
    for (const entry of manifest.files) {
      expect(createHash('sha256').update(entries[entry.name]!).digest('hex'), entry.name).toBe(entry.sha256);
      if (entry.records !== null) expect(lines(text(entry.name)).length, entry.name).toBe(entry.records);
    }
    expect(manifest.files.reduce((sum, entry) => sum + (entry.records ?? 0), 0)).toBe(node.recordsTotal);

    const contacts = lines(text('Contact.jsonl')).map((line) => JSON.parse(line));
    expect(contacts).toEqual([expect.objectContaining({ id: ada.id, firstName: '=Ada', lastName: 'Lovelace' })]);
    expect(lines(text('DealContact.jsonl')).map((line) => JSON.parse(line))).toEqual([{ dealId: deal.id, contactId: ada.id }]);
    expect(lines(text('_ContactToTag.jsonl'))).toHaveLength(1);
    expect(Object.keys(JSON.parse(lines(text('User.jsonl'))[0]!)).sort()).toEqual(['email', 'id', 'name']);
    expect(JSON.parse(lines(text('ApiKey.jsonl'))[0]!)).not.toHaveProperty('secretHash');
    expect(JSON.parse(lines(text('File.jsonl'))[0]!)).not.toHaveProperty('storageKey');
    expect(text(`files/${file.id}/notes_.._x.txt`)).toBe('hello, export');
    // Nothing of another workspace, no derived or secret tables.
    for (const name of Object.keys(entries)) expect(strFromU8(entries[name]!), name).not.toContain('Outsider');
    expect(Object.keys(entries)).not.toContain('SearchDocument.jsonl');
    expect(Object.keys(entries)).not.toContain('Session.jsonl');

    const email = await app.prisma.outboxEmail.findFirstOrThrow({ where: { to: f.users.ADMIN.email, subject: 'Your Kith export is ready' } });
    expect(email.link).toBe(node.downloadUrl);
    const verbs = await app.prisma.activityEvent.findMany({
      where: { entityType: 'WorkspaceExport' },
      orderBy: { sequence: 'asc' },
      select: { verb: true, actorUserId: true },
    });
    // Progress is announced at each quarter of the rows.
    expect(verbs.map((e) => e.verb).join(' ')).toMatch(/^requested started (progressed ){1,3}completed$/);
    expect(new Set(verbs.map((e) => e.actorUserId))).toEqual(new Set([f.users.ADMIN.id]));
    const audit = await app.prisma.auditLogEntry.findMany({
      where: { targetType: 'WorkspaceExport' },
      orderBy: { createdAt: 'asc' },
      select: { action: true },
    });
    expect(audit.map((a) => a.action)).toEqual(['workspace.export_requested', 'workspace.export_downloaded']);
  });

  it('writes CSV with a header per table, formulas defused', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { ada } = await seed(app, f);
    const { node } = await exportOf(app, f, 'CSV');
    const entries = await storedArchive(app, (await app.prisma.workspaceExport.findFirstOrThrow()).storageKey!);
    expect(node.status).toBe('DONE');
    const [header, row, ...rest] = lines(entries['Contact.csv']!);
    expect(rest).toEqual([]);
    const columns = header!.split(',');
    expect(columns).toEqual(expect.arrayContaining(['id', 'firstName', 'lastName', 'workspaceId', 'createdAt']));
    const values = row!.split(',');
    expect(values[columns.indexOf('id')]).toBe(ada.id);
    expect(values[columns.indexOf('firstName')]).toBe("'=Ada");
    expect(lines(entries['Tag.csv']!)).toEqual([expect.stringContaining('id'), expect.stringContaining('vip')]);
  });

  it('writes an int8 past 2^53 exactly, as a string, in JSON Lines', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await seed(app, f);
    const deal = await app.prisma.deal.findFirstOrThrow({ where: { workspaceId: f.workspaceId } });
    await app.prisma.deal.update({ where: { id: deal.id }, data: { amountMinor: 9_007_199_254_740_993n } });
    await exportOf(app, f, 'JSON');
    const entries = await storedArchive(app, (await app.prisma.workspaceExport.findFirstOrThrow()).storageKey!);
    const exported = lines(entries['Deal.jsonl']!).map((line) => JSON.parse(line) as { id: string; amountMinor: unknown });
    expect(exported.find((row) => row.id === deal.id)?.amountMinor).toBe('9007199254740993');
  });

  it('runs one export at a time per workspace', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await f.clients.ADMIN.ok(REQUEST, { format: 'JSON' });
    expect(errorCodes(await f.clients.OWNER.gql(REQUEST, { format: 'CSV' }))).toEqual(['CONFLICT']);
    expect(await app.prisma.workspaceExport.count()).toBe(1);
  });
});

describe('export batches', () => {
  async function noteBatches(app: TestApp, workspaceId: string, size: BatchSize) {
    const source = exportSources().find((s) => s.table === 'Note')!;
    const columns = await exportedColumns(app.db.sql, source);
    const batches: string[][] = [];
    for await (const rows of rowBatches(app.db.sql, source, columns, workspaceId, size)) {
      batches.push(rows.map((row) => row.id as string));
      size.observe(
        rows.length,
        rows.reduce((sum, row) => sum + JSON.stringify(row).length, 0),
      );
    }
    return batches;
  }

  it('hold fewer rows when rows are long, and every row once in key order', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const body = 'x'.repeat(1000);
    await app.prisma.note.createMany({ data: Array.from({ length: 250 }, () => ({ workspaceId: f.workspaceId, body })) });
    const ids = (await app.prisma.note.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((note) => note.id);

    const batches = await noteBatches(app, f.workspaceId, new BatchSize(2_000, 50_000));
    expect(batches[0]).toHaveLength(100);
    expect(Math.max(...batches.slice(1).map((batch) => batch.length))).toBeLessThanOrEqual(50);
    expect(batches.flat()).toEqual(ids);
  });

  it('grow to the row limit when rows are short', async () => {
    const size = new BatchSize(2_000, 1024 * 1024);
    expect(size.rows).toBe(100);
    size.observe(100, 20_000);
    expect(size.rows).toBe(2_000);
    size.observe(2_000, 200 * 1024 * 1024);
    expect(size.rows).toBe(10);
  });
});

describe('writing an archive', () => {
  it('fails, leaving nothing in storage, when a read fails midway', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await seed(app, f);
    const sources = [...exportSources(), { table: 'NoSuchTable', keys: ['id'], scope: 'true' }];
    const job = { workspaceId: f.workspaceId, format: 'JSON' as const, sources, storageKey: newStorageKey(f.workspaceId) };
    const storage = fileStorage(app.services.config);
    await expect(writeWorkspaceArchive(app.db.sql, storage, job, async () => {})).rejects.toThrow('relation "NoSuchTable" does not exist');
    expect(await storage.open(job.storageKey)).toBeNull();
    const left = await readdir(join(app.services.config.filesDir, f.workspaceId));
    expect(left.filter((name) => name.endsWith('.part'))).toEqual([]);
  });
});

describe('export downloads', () => {
  it('are for owners and admins of the workspace only, 410 once expired, and the sweep deletes expired archives', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await seed(app, f);
    const { id, node } = await exportOf(app, f, 'JSON');
    const url = await startServer(app);
    const link = `${url}${new URL(node.downloadUrl).pathname}`;
    expect((await download(link, f.clients.OWNER.cookie)).status).toBe(200);
    const key = await apiKeyFor(app, f.users.ADMIN.id, f.workspaceId, 'ADMIN');
    expect((await fetch(link, { headers: { authorization: `Bearer ${key.secret}` } })).status).toBe(200);
    for (const actor of ['MEMBER', 'VIEWER', 'OUTSIDER'] as const) expect((await download(link, f.clients[actor].cookie)).status, actor).toBe(404);
    expect((await download(link, null)).status).toBe(404);
    expect((await download(`${url}/exports/not-an-id/download`, f.clients.OWNER.cookie)).status).toBe(404);

    const row = await app.prisma.workspaceExport.findFirstOrThrow();
    await app.prisma.workspaceExport.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await download(link, f.clients.OWNER.cookie)).status).toBe(410);
    expect((await f.clients.ADMIN.ok(EXPORT, { id })).node.downloadUrl).toBeNull();

    expect(await expireWorkspaceExports(app.services)).toBe(1);
    expect(await fileStorage(app.services.config).open(row.storageKey!)).toBeNull();
    expect(await app.prisma.workspaceExport.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'EXPIRED', storageKey: null });
  });
});

describe('the export job', () => {
  it('starts over after a worker died midway: the partial archive is removed and one complete archive remains', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await seed(app, f);
    const { requestWorkspaceExport: requested } = await f.clients.ADMIN.ok(REQUEST, { format: 'JSON' });
    const storage = fileStorage(app.services.config);
    const partialKey = newStorageKey(f.workspaceId);
    await storage.put(partialKey, bytes('half an archive'));
    await app.prisma.workspaceExport.updateMany({ data: { status: 'RUNNING', storageKey: partialKey, recordsDone: 3 } });

    await runDueJobs(app);
    const row = await app.prisma.workspaceExport.findFirstOrThrow();
    expect(row).toMatchObject({ status: 'DONE' });
    expect(row.storageKey).not.toBe(partialKey);
    expect(await storage.open(partialKey)).toBeNull();
    expect((await f.clients.ADMIN.ok(EXPORT, { id: requested.id })).node.status).toBe('DONE');
  });

  it('resumes within seconds after the server was killed mid-export: the dead worker no longer renews its short lease', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await seed(app, f);
    const { requestWorkspaceExport: requested } = await f.clients.ADMIN.ok(REQUEST, { format: 'JSON' });
    // The server claims the job and begins the export, then is killed: its heartbeat stops with it.
    let begun!: () => void;
    const started = new Promise<void>((resolve) => (begun = resolve));
    const killed = new JobWorker(
      app.prisma,
      {
        [WORKSPACE_EXPORT]: async ({ exportId }: { exportId: string }) => {
          await app.prisma.workspaceExport.update({ where: { id: exportId }, data: { status: 'RUNNING' } });
          begun();
          await new Promise(() => undefined);
        },
      },
      { logger: app.services.logger, heartbeatMs: 60 * 60 * 1000 },
    );
    void killed.runNext();
    await started;
    // 31 seconds pass without a renewal.
    await app.prisma.$executeRaw`UPDATE "Job" SET "lockedUntil" = "lockedUntil" - interval '31 seconds' WHERE status = 'RUNNING'`;
    expect(errorCodes(await f.clients.ADMIN.gql(REQUEST, { format: 'CSV' }))).toEqual(['CONFLICT']);

    // The restarted server's worker takes the job over at once and finishes it.
    await runDueJobs(app);
    const { node } = await f.clients.ADMIN.ok(EXPORT, { id: requested.id });
    expect(node.status).toBe('DONE');
    const url = await startServer(app);
    expect((await download(`${url}${new URL(node.downloadUrl).pathname}`, f.clients.ADMIN.cookie)).status).toBe(200);
    await f.clients.ADMIN.ok(REQUEST, { format: 'CSV' });
  });

  it('marks the export FAILED, with a message and no archive, when its last attempt fails', async () => {
    const app = brokenStorageApp();
    const f = await rolesFixture(app);
    const { requestWorkspaceExport: requested } = await f.clients.ADMIN.ok(REQUEST, { format: 'CSV' });
    await app.prisma.job.updateMany({ data: { maxAttempts: 1 } });
    await runDueJobs(app);
    const { node } = await f.clients.ADMIN.ok(`query($id: ID!) { node(id: $id) { ... on WorkspaceExport { status error downloadUrl } } }`, {
      id: requested.id,
    });
    expect(node).toEqual({ status: 'FAILED', error: 'The export could not be written. Please request a new one.', downloadUrl: null });
    const verbs = await app.prisma.activityEvent.findMany({ where: { entityType: 'WorkspaceExport' }, orderBy: { sequence: 'asc' }, select: { verb: true } });
    expect(verbs.map((e) => e.verb)).toEqual(['requested', 'started', 'failed']);
  });
});
