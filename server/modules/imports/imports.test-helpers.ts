import { encodeGlobalID } from '@pothos/plugin-relay';
import { jobHandlers } from '../../jobs/registry.js';
import { JobWorker } from '../../jobs/worker.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { Actor, RolesFixture } from '../../test/fixtures.js';
import type { TestApp } from '../../test/test-app.js';
import { fileStorage, newStorageKey } from '../files/storage.js';
import { suggestMapping } from './mapping.js';
import { readTable } from './read-table.js';
import { sniffFormat } from './sniff.js';

export async function runDueJobs(app: TestApp) {
  const worker = new JobWorker(app.prisma, jobHandlers(app.services), { logger: app.services.logger });
  while (await worker.runNext());
}

/** An uploaded import written straight to storage and the database, as the upload route would leave it. */
export async function importRow(app: TestApp, f: RolesFixture, createdBy: Exclude<Actor, 'ANONYMOUS'>, text: string | Buffer, fileName = 'people.csv') {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const storageKey = newStorageKey(f.workspaceId);
  await fileStorage(app.services.config).put(storageKey, [bytes] as unknown as AsyncIterable<Uint8Array>);
  const format = sniffFormat(bytes, fileName, true);
  const table = await readTable([bytes], format);
  await table.rows.return(undefined);
  const suggestion = suggestMapping(table.headers);
  const row = await app.prisma.import.create({
    data: {
      workspaceId: f.workspaceId,
      createdById: f.users[createdBy].id,
      fileName,
      storageKey,
      byteSize: BigInt(bytes.length),
      sourceKind: format.kind,
      encoding: format.encoding,
      delimiter: format.delimiter,
      headers: table.headers,
      recognised: suggestion.recognised,
      entity: suggestion.entity,
      columns: suggestion.columns,
    },
  });
  return { row, gid: encodeGlobalID('Import', row.id), columns: suggestion.columns, entity: suggestion.entity };
}

export const START = `mutation($id: ID!, $settings: ImportSettingsInput!) { startImport(id: $id, settings: $settings) { id status } }`;
export const READ = `query($id: ID!) { node(id: $id) { ... on Import { status rowsRead createdCount updatedCount skippedCount failedCount error errorFileUrl } } }`;
export const PREVIEW = `query($id: ID!, $settings: ImportSettingsInput!, $first: Int) { importPreview(id: $id, settings: $settings, first: $first) {
  rowsChecked complete creates updates skips failures matchesInWorkspace duplicatesInFile
  rows { number action match values errors } failedRows { number errors } } }`;

/** Grace Hopper, already a contact with her navy email, whom imported rows match by that email. */
export function graceIn(app: TestApp, f: RolesFixture, extra: Partial<Prisma.ContactUncheckedCreateInput> = {}) {
  return app.prisma.contact.create({
    data: {
      workspaceId: f.workspaceId,
      firstName: 'Grace',
      lastName: 'Hopper',
      emails: { create: { workspaceId: f.workspaceId, email: 'grace@navy.example', isPrimary: true } },
      ...extra,
    },
  });
}

/** Uploads `text` as the MEMBER, starts the import with the suggested columns and runs it to the end. */
export async function importAndRun(app: TestApp, f: RolesFixture, text: string, settings: { entity: string; dedupeMode: string }, fileName?: string) {
  const uploaded = await importRow(app, f, 'MEMBER', text, fileName);
  await f.clients.MEMBER.ok(START, { id: uploaded.gid, settings: { ...settings, columns: uploaded.columns } });
  await runDueJobs(app);
  return uploaded;
}

/** The columns of Kith's own Contact.csv and Company.csv that an import maps back onto the field of the same name. */
export const KITH_CONTACT_FIELDS = ['firstName', 'lastName', 'jobTitle', 'location', 'headline', 'skills', 'source', 'lifecycleStage', 'customFields'] as const;
export const KITH_COMPANY_FIELDS = [
  'name',
  'domain',
  'website',
  'industry',
  'size',
  'street',
  'city',
  'region',
  'postalCode',
  'country',
  'phone',
  'linkedinUrl',
  'customFields',
] as const;
