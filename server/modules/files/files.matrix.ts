import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { expect } from 'vitest';
import { globalId, type Actor, type RolesFixture } from '../../test/fixtures.js';
import { as, byRole, readers, writers, type MatrixCase } from '../../test/role-matrix.js';
import { errorCodes, type TestApp } from '../../test/test-app.js';
import { companyIn } from '../companies/company.matrix.js';
import { uploadAs, type TestFile } from './upload-client.js';

export type RecordKind = 'contact' | 'company' | 'deal' | 'note' | 'activity' | 'communication';

/** One record of each attachable kind, owned and created by the MEMBER unless said otherwise. */
export async function recordIn(app: TestApp, f: RolesFixture, kind: RecordKind, options: { ownerId?: string; privately?: boolean } = {}) {
  const base = { workspaceId: f.workspaceId, createdById: options.ownerId ?? f.users.MEMBER.id };
  const owned = { ...base, ownerId: options.ownerId ?? f.users.MEMBER.id, visibility: options.privately ? ('PRIVATE' as const) : ('WORKSPACE' as const) };
  const p = app.prisma;
  switch (kind) {
    case 'company':
      return globalId('Company', (await p.company.create({ data: { ...owned, name: 'Initech' } })).id);
    case 'contact':
      return globalId('Contact', (await p.contact.create({ data: { ...owned, firstName: 'Ada' } })).id);
    case 'deal': {
      const pipeline = await p.pipeline.create({ data: { workspaceId: f.workspaceId, name: `Sales ${randomBytes(3).toString('hex')}` } });
      const stage = await p.pipelineStage.create({ data: { workspaceId: f.workspaceId, pipelineId: pipeline.id, name: 'Lead', position: 0 } });
      return globalId('Deal', (await p.deal.create({ data: { ...owned, name: 'Big deal', pipelineId: pipeline.id, stageId: stage.id } })).id);
    }
    case 'note':
      return globalId('Note', (await p.note.create({ data: { ...base, body: 'Met at the fair.' } })).id);
    case 'activity':
      return globalId('Activity', (await p.activity.create({ data: { ...base, type: 'CALL', subject: 'Follow up' } })).id);
    case 'communication':
      return globalId('Communication', (await p.communication.create({ data: { ...owned, kind: 'EMAIL', direction: 'INBOUND', occurredAt: new Date() } })).id);
  }
}

/** A file row on a new company (no bytes: listing and soft delete never read them). */
/** The MEMBER uploads `file` to a new company and is refused with BAD_USER_INPUT and a `message` that says why. */
export async function expectUploadRefused(app: TestApp, f: RolesFixture, file: TestFile, message: RegExp) {
  const result = await uploadAs(app, f.clients.MEMBER, await recordIn(app, f, 'company'), file);
  expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  expect(result.errors?.[0]?.message).toMatch(message);
}

export async function attachmentIn(app: TestApp, f: RolesFixture, uploader: Exclude<Actor, 'ANONYMOUS' | 'OUTSIDER'> = 'MEMBER') {
  const companyGid = await companyIn(app, f);
  const companyId = decodeGlobalID(companyGid).id;
  const file = await app.prisma.file.create({
    data: {
      workspaceId: f.workspaceId,
      companyId,
      name: 'notes.txt',
      contentType: 'text/plain',
      size: 5,
      sha256: '0'.repeat(64),
      storageKey: `${f.workspaceId}/${randomBytes(16).toString('hex')}`,
      uploadedById: f.users[uploader].id,
    },
  });
  return { companyGid, fileGid: globalId('Attachment', file.id) };
}

/** Uploads through the multipart helper, then removes what it stored so matrix runs leave no files. */
async function uploadAndTidy(app: TestApp, f: RolesFixture, actor: Actor, attachTo: string) {
  const result = await uploadAs(app, as(f, actor), attachTo, { name: 'hello.txt', type: 'text/plain', bytes: 'hello' });
  await rm(join(app.services.config.filesDir, f.workspaceId), { recursive: true, force: true });
  return result;
}

const withAttachment = (query: string, uploader?: 'OWNER') => async (app: TestApp, f: RolesFixture, actor: Actor) => {
  const { companyGid, fileGid } = await attachmentIn(app, f, uploader);
  return as(f, actor).gql(query, { recordId: companyGid, id: fileGid });
};

export const cases: MatrixCase[] = [
  {
    kind: 'query',
    field: 'attachments',
    run: withAttachment(
      `query($recordId: ID!) { attachments(recordId: $recordId) { totalCount edges { node { name size uploadedBy { name } downloadUrl } } } }`,
    ),
    expect: readers(),
  },
  { kind: 'mutation', field: 'uploadFile', run: async (app, f, actor) => uploadAndTidy(app, f, actor, await companyIn(app, f)), expect: writers() },
  { kind: 'mutation', field: 'uploadFile', run: async (app, f, actor) => uploadAndTidy(app, f, actor, await recordIn(app, f, 'note')), expect: writers() },
  { kind: 'mutation', field: 'deleteFile', run: withAttachment(`mutation($id: ID!) { deleteFile(id: $id) }`), expect: byRole('ok', 'ok', 'ok', 'FORBIDDEN') },
  {
    kind: 'mutation',
    field: 'deleteFile',
    run: withAttachment(`mutation($id: ID!) { deleteFile(id: $id) }`, 'OWNER'),
    expect: byRole('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN'),
  },
];
