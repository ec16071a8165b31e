import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';
import { jobHandlers } from '../../jobs/registry.js';
import { JobWorker } from '../../jobs/worker.js';
import { apiKeyFor, type RolesFixture } from '../../test/fixtures.js';
import type { TestApp } from '../../test/test-app.js';
import { fileStorage, newStorageKey } from '../files/storage.js';
import { contactRow, dealRow } from '../merge/merge.test-helpers.js';

export const REQUEST = `mutation($format: ExportFormat!) { requestWorkspaceExport(format: $format) { id status format } }`;
export const EXPORT = `query($id: ID!) { node(id: $id) { ... on WorkspaceExport { status recordsDone recordsTotal byteSize sha256 downloadUrl expiresAt } } }`;

export async function runDueJobs(app: TestApp) {
  const worker = new JobWorker(app.prisma, jobHandlers(app.services), { logger: app.services.logger });
  while (await worker.runNext());
}

/** A little of everything, a file, an API key, and a contact in another workspace that must not leak. */
export async function seed(app: TestApp, f: RolesFixture) {
  const tag = await app.prisma.tag.create({ data: { workspaceId: f.workspaceId, name: 'vip' } });
  const company = await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Acme', domain: 'acme.example' } });
  const ada = await contactRow(app, f, { firstName: '=Ada', lastName: 'Lovelace', email: 'ada@acme.example', companyId: company.id });
  await app.prisma.contact.update({ where: { id: ada.id }, data: { tags: { connect: { id: tag.id } } } });
  const deal = await dealRow(app, f, 'Engine');
  await app.prisma.dealContact.create({ data: { dealId: deal.id, contactId: ada.id } });
  await app.prisma.note.create({ data: { workspaceId: f.workspaceId, body: 'Met at the salon', contactId: ada.id } });
  const storageKey = newStorageKey(f.workspaceId);
  await fileStorage(app.services.config).put(storageKey, bytes('hello, export'));
  const file = await app.prisma.file.create({
    data: { workspaceId: f.workspaceId, name: 'notes/../x.txt', contentType: 'text/plain', size: 13, storageKey, sha256: 'x', contactId: ada.id },
  });
  await apiKeyFor(app, f.users.ADMIN.id, f.workspaceId, 'MEMBER');
  const other = await app.prisma.membership.findFirstOrThrow({ where: { userId: f.users.OUTSIDER.id } });
  await app.prisma.contact.create({ data: { workspaceId: other.workspaceId, firstName: 'Outsider', lastName: 'Secret' } });
  return { ada, deal, file, tag };
}

export async function exportOf(app: TestApp, f: RolesFixture, format: 'JSON' | 'CSV') {
  const { requestWorkspaceExport: requested } = await f.clients.ADMIN.ok(REQUEST, { format });
  expect(requested).toMatchObject({ status: 'QUEUED', format });
  await runDueJobs(app);
  const { node } = await f.clients.ADMIN.ok(EXPORT, { id: requested.id });
  return { id: requested.id as string, node };
}

export async function* bytes(text: string) {
  yield Buffer.from(text);
}

export const lines = (text: string) => text.split('\n').filter(Boolean);

/** The files in a stored archive, by name. */
export async function storedArchive(app: TestApp, storageKey: string): Promise<Record<string, string>> {
  const object = await fileStorage(app.services.config).open(storageKey);
  const chunks: Buffer[] = [];
  for await (const chunk of object!.body) chunks.push(chunk as Buffer);
  const entries = unzipSync(new Uint8Array(Buffer.concat(chunks)));
  return Object.fromEntries(Object.entries(entries).map(([name, content]) => [name, strFromU8(content)]));
}
