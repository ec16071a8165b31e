import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createKithServer, type KithServer } from '../../http/server.js';
import { jobHandlers } from '../../jobs/registry.js';
import { JobWorker } from '../../jobs/worker.js';
import { apiKeyFor, globalId, rolesFixture, STRONG_PASSWORD } from '../../test/fixtures.js';
import { useTestApp, type TestApp } from '../../test/test-app.js';
import { fileStorage, newStorageKey } from '../files/storage.js';
import { workspaceModels } from './workspace-purge.js';

const getApp = useTestApp({ config: { webhooksAllowPrivateUrls: true } });
let server: KithServer | null = null;
let receiver: Server | null = null;
afterEach(async () => {
  await server?.close();
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
  server = null;
  receiver = null;
});

type CountDelegate = { count: (args: { where: { workspaceId: string } }) => Promise<number> };
async function rowsPerModel(app: TestApp, workspaceId: string) {
  const counts: Record<string, number> = {};
  for (const model of workspaceModels()) {
    counts[model] = await (app.prisma as unknown as Record<string, CountDelegate>)[model[0]!.toLowerCase() + model.slice(1)]!.count({ where: { workspaceId } });
  }
  return counts;
}

/** A webhook receiver on loopback that counts what it is sent. */
async function startReceiver(received: string[]) {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push(body);
      res.writeHead(204).end();
    });
  });
  const port = await new Promise<number>((resolve) => receiver!.listen(0, '127.0.0.1', () => resolve((receiver!.address() as { port: number }).port)));
  return `http://127.0.0.1:${port}/hook`;
}

async function runDueJobs(app: TestApp) {
  const worker = new JobWorker(app.prisma, jobHandlers(app.services), { logger: app.services.logger });
  while (await worker.runNext());
}

interface Answer {
  status: number;
  body: string;
}

describe('a workspace scheduled for deletion', () => {
  it('is refused at every HTTP entry point as if it did not exist, its queued jobs do nothing, and nothing is written to it', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const workspaceId = f.workspaceId;
    const received: string[] = [];
    const hook = await app.prisma.webhook.create({ data: { workspaceId, url: await startReceiver(received), eventTypes: [], secret: 'whsec_test' } });
    const form = await app.prisma.form.create({
      data: {
        workspaceId,
        name: 'Contact us',
        publicKey: randomBytes(12).toString('hex'),
        isActive: true,
        fields: [{ key: 'email', label: 'Email', type: 'EMAIL', required: true, mapsTo: 'EMAIL' }],
      },
    });
    const storage = fileStorage(app.services.config);
    const storageKey = newStorageKey(workspaceId);
    await storage.put(
      storageKey,
      (async function* () {
        yield Buffer.from('contract');
      })(),
    );
    const ada = await app.prisma.contact.create({ data: { workspaceId, firstName: 'Ada' } });
    const file = await app.prisma.file.create({
      data: { workspaceId, name: 'contract.txt', contentType: 'text/plain', size: 8, storageKey, sha256: 'x', contactId: ada.id },
    });
    const archiveKey = newStorageKey(workspaceId);
    await storage.put(
      archiveKey,
      (async function* () {
        yield Buffer.from('zip');
      })(),
    );
    const done = await app.prisma.workspaceExport.create({
      data: {
        workspaceId,
        format: 'JSON',
        status: 'DONE',
        storageKey: archiveKey,
        requestedById: f.users.OWNER.id,
        finishedAt: new Date(),
        expiresAt: new Date(Date.now() + 864e5),
      },
    });
    server = createKithServer(app.services);
    const base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
    const { secret } = await apiKeyFor(app, f.users.ADMIN.id, workspaceId, 'ADMIN');
    const owner = { cookie: f.clients.OWNER.cookie!, 'x-workspace-id': f.workspaceGid };

    // Open, the workspace answers everywhere.
    const call = async (path: string, init: RequestInit = {}): Promise<Answer> => {
      const response = await fetch(`${base}${path}`, init);
      return { status: response.status, body: await response.text() };
    };
    const submit = (key: string) =>
      call(`/forms/${key}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'lead@example.com' }) });
    const graphql = (headers: Record<string, string>) =>
      call('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ contacts { totalCount } }' }),
      });
    const graphqlGet = (headers: Record<string, string>) => call(`/graphql?query=${encodeURIComponent('{ contacts { totalCount } }')}`, { headers });
    const routes = {
      'GET /forms/<key>': (key: string) => call(`/forms/${key}`),
      'POST /forms/<key>': submit,
      'GET /files/<id> (session)': (id: string) => call(`/files/${id}`, { headers: owner }),
      'GET /files/<id> (API key)': (id: string) => call(`/files/${id}`, { headers: { authorization: `Bearer ${secret}` } }),
      'GET /exports/<id>/download (session)': (id: string) => call(`/exports/${id}/download`, { headers: owner }),
      'GET /exports/<id>/download (API key)': (id: string) => call(`/exports/${id}/download`, { headers: { authorization: `Bearer ${secret}` } }),
    };
    const real = { form: form.publicKey, file: file.id, export: done.id };
    const target = (route: string) => (route.includes('forms') ? real.form : route.includes('files') ? real.file : real.export);
    for (const [route, request] of Object.entries(routes)) expect((await request(target(route))).status, route).toBe(200);
    expect(JSON.parse((await graphql(owner)).body)).toEqual({ data: { contacts: { totalCount: 2 } } });
    expect(JSON.parse((await graphql({ authorization: `Bearer ${secret}` })).body).data).toEqual({ contacts: { totalCount: 2 } });
    await runDueJobs(app);
    expect(received).toHaveLength(1); // contact.created, from the form

    // Jobs queued before the deletion: an export, and a webhook delivery.
    await f.clients.ADMIN.ok(`mutation { requestWorkspaceExport(format: CSV) { id } }`);
    await f.clients.ADMIN.ok(`mutation { createContact(input: { firstName: "Queued" }) { id } }`);
    await f.clients.OWNER.ok(`mutation($p: String!) { requestWorkspaceDeletion(confirmName: "Acme", password: $p) }`, { p: STRONG_PASSWORD });
    // A key written by hand, never revoked: the closed workspace refuses it all the same.
    const { secret: stray } = await apiKeyFor(app, f.users.ADMIN.id, workspaceId, 'ADMIN');
    const keysBefore = await app.prisma.apiKey.findMany({ where: { workspaceId }, select: { id: true, lastUsedAt: true }, orderBy: { id: 'asc' } });
    const before = await rowsPerModel(app, workspaceId);
    const exportsBefore = await app.prisma.workspaceExport.findMany({
      where: { workspaceId },
      select: { id: true, status: true, storageKey: true },
      orderBy: { id: 'asc' },
    });

    // Closed, every route answers exactly as it does for something that does not exist.
    const missing = { form: randomBytes(12).toString('hex'), file: randomUUID(), export: randomUUID() };
    const missingTarget = (route: string) => (route.includes('forms') ? missing.form : route.includes('files') ? missing.file : missing.export);
    for (const [route, request] of Object.entries(routes)) {
      const closed = await request(target(route));
      expect(closed.status, route).toBe(404);
      expect(closed, route).toEqual(await request(missingTarget(route)));
    }
    const elsewhere = { cookie: f.clients.OWNER.cookie!, 'x-workspace-id': globalId('Workspace', randomUUID()) };
    expect(await graphql(owner)).toEqual(await graphql(elsewhere));
    expect(await graphqlGet(owner)).toEqual(await graphqlGet(elsewhere));
    expect(JSON.parse((await graphql(owner)).body).errors[0].extensions.code).toBe('NOT_FOUND');
    for (const key of [secret, stray]) {
      const refused = await graphql({ authorization: `Bearer ${key}` });
      expect(refused).toEqual(await graphql({ authorization: `Bearer kith_${randomBytes(24).toString('base64url')}` }));
      expect((await call(`/files/${file.id}`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(404);
    }

    // Queued jobs run and do nothing: no webhook is sent, no archive is written.
    await runDueJobs(app);
    expect(received).toHaveLength(1);
    expect(await rowsPerModel(app, workspaceId)).toEqual(before);
    expect(await app.prisma.apiKey.findMany({ where: { workspaceId }, select: { id: true, lastUsedAt: true }, orderBy: { id: 'asc' } })).toEqual(keysBefore);
    const exportsAfter = await app.prisma.workspaceExport.findMany({
      where: { workspaceId },
      select: { id: true, status: true, storageKey: true },
      orderBy: { id: 'asc' },
    });
    expect(exportsAfter).toEqual(exportsBefore);
    expect(exportsAfter.filter((row) => row.status === 'DONE')).toHaveLength(1);
    expect(await app.prisma.webhookDelivery.count({ where: { webhookId: hook.id, status: 'SUCCEEDED' } })).toBe(1);
  });
});
