import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, describe, expect, it } from 'vitest';
import { globalId, rolesFixture, type RolesFixture } from '../../test/fixtures.js';
import { errorCodes, sameStatementCount, useTestApp, type TestClient } from '../../test/test-app.js';
import { useTestServer } from '../../test/test-server.js';
import { expectUploadRefused, recordIn, type RecordKind } from './files.matrix.js';
import { clientHeaders, UPLOAD, uploadAs, uploadForm, type TestFile } from './upload-client.js';

const MAX_BYTES = 64 * 1024;
const filesDir = await mkdtemp(join(tmpdir(), 'kith-files-test-'));
const getApp = useTestApp({ config: { filesDir, filesMaxBytes: MAX_BYTES } });
afterAll(() => rm(filesDir, { recursive: true, force: true }));

const startServer = useTestServer(getApp);

const LIST = `query($id: ID!) { attachments(recordId: $id) { totalCount edges { node { id name } } } }`;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const png = (size: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size - 8)]);
const uuidOf = (gid: string) => decodeGlobalID(gid).id;

/** Everything stored for the workspace: finished objects and any partial `.part` file. */
const storedFor = (f: RolesFixture) => readdir(join(filesDir, f.workspaceId)).catch(() => [] as string[]);

async function upload(f: RolesFixture, attachTo: string, file: TestFile, actor: keyof RolesFixture['clients'] = 'MEMBER') {
  const result = await uploadAs(getApp(), f.clients[actor], attachTo, file);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.uploadFile as { id: string; name: string; size: number; sha256: string; downloadUrl: string; contentType: string };
}

function download(url: string, fileId: string, client?: TestClient) {
  return fetch(`${url}/files/${fileId}`, { headers: client?.cookie ? { cookie: client.cookie } : {} });
}

describe('file uploads and downloads', () => {
  it('uploads through the HTTP server as a multipart request and downloads the identical bytes', async () => {
    const f = await rolesFixture(getApp());
    const company = await recordIn(getApp(), f, 'company');
    const bytes = png(40 * 1024);
    const url = await startServer();

    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: clientHeaders(f.clients.MEMBER),
      body: uploadForm(company, { name: 'chart.png', type: 'image/png', bytes }),
    });
    const { data, errors } = (await response.json()) as { data: { uploadFile: Record<string, unknown> }; errors?: unknown };
    expect(errors).toBeUndefined();
    expect(data.uploadFile).toMatchObject({
      name: 'chart.png',
      contentType: 'image/png',
      size: bytes.length,
      sha256: sha256(bytes),
      uploadedBy: { name: 'Member Person' },
    });
    const fileId = uuidOf(data.uploadFile.id as string);
    expect(data.uploadFile.downloadUrl).toBe(`http://localhost:4000/files/${fileId}`);

    for (const actor of ['MEMBER', 'VIEWER'] as const) {
      const got = await download(url, fileId, f.clients[actor]);
      expect(got.status).toBe(200);
      expect(
        Object.fromEntries(['content-type', 'content-length', 'content-disposition', 'x-content-type-options'].map((h) => [h, got.headers.get(h)])),
      ).toEqual({
        'content-type': 'image/png',
        'content-length': String(bytes.length),
        'content-disposition': `attachment; filename="chart.png"; filename*=UTF-8''chart.png`,
        'x-content-type-options': 'nosniff',
      });
      const body = new Uint8Array(await got.arrayBuffer());
      expect(Buffer.compare(body, bytes)).toBe(0);
      expect(sha256(body)).toBe(sha256(bytes));
    }

    const row = await getApp().prisma.file.findUniqueOrThrow({ where: { id: fileId } });
    expect(await storedFor(f)).toEqual([row.storageKey.split('/')[1]]);
    expect(Buffer.compare(await readFile(join(filesDir, row.storageKey)), bytes)).toBe(0);
  });

  it.each(['contact', 'company', 'deal', 'note', 'activity', 'communication'] as RecordKind[])(
    'attaches files to a %s and lists them newest first',
    async (kind) => {
      const f = await rolesFixture(getApp());
      const record = await recordIn(getApp(), f, kind);
      const first = await upload(f, record, { name: 'first.txt', bytes: 'one' });
      const second = await upload(f, record, { name: 'second.csv', type: 'text/csv', bytes: 'a,b\n1,2\n' }, 'ADMIN');
      const data = await f.clients.VIEWER.ok(LIST, { id: record });
      expect(data.attachments).toEqual({
        totalCount: 2,
        edges: [{ node: { id: second.id, name: 'second.csv' } }, { node: { id: first.id, name: 'first.txt' } }],
      });
    },
  );

  it('refuses a file over the size limit and leaves nothing on disk or in the database', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const company = await recordIn(app, f, 'company');
    const result = await uploadAs(app, f.clients.MEMBER, company, { name: 'big.png', type: 'image/png', bytes: png(MAX_BYTES + 1) });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toBe('The file is larger than the limit of 64 KiB.');
    expect(await storedFor(f)).toEqual([]);
    expect(await app.prisma.file.count()).toBe(0);

    // Exactly at the limit is fine.
    expect((await upload(f, company, { name: 'edge.png', bytes: png(MAX_BYTES) })).size).toBe(MAX_BYTES);
  });

  it('HTTP server: refuses multipart bodies over the file limit (413) and without a length (411) before parsing them', async () => {
    const f = await rolesFixture(getApp());
    const company = await recordIn(getApp(), f, 'company');
    const url = await startServer();
    const tooBig = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: clientHeaders(f.clients.MEMBER),
      body: uploadForm(company, { name: 'huge.png', bytes: png(MAX_BYTES + 1024 * 1024 + 1) }),
    });
    expect(tooBig.status).toBe(413);

    const form = new Response(uploadForm(company, { name: 'small.txt', bytes: 'hi' }));
    const chunked = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { ...clientHeaders(f.clients.MEMBER), 'content-type': form.headers.get('content-type')! },
      body: form.body,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(411);
    expect(await storedFor(f)).toEqual([]);
    expect(await getApp().prisma.file.count()).toBe(0);
  });

  it.each([
    ['an extension outside the allow-list', { name: 'setup.exe', type: 'application/x-msdownload', bytes: 'MZ...' }, /\.exe files are not accepted/],
    ['no extension', { name: 'README', type: 'text/plain', bytes: 'hello' }, /without an extension/],
    ['a declared type that contradicts the extension', { name: 'photo.png', type: 'text/html', bytes: png(100) }, /does not match the \.png extension/],
    ['contents that are not what the extension says', { name: 'invoice.pdf', type: 'application/pdf', bytes: png(2000) }, /do not look like a \.pdf file/],
    ['binary bytes in a text file', { name: 'notes.txt', type: 'text/plain', bytes: png(100) }, /do not look like a \.txt file/],
    ['an empty file', { name: 'empty.txt', type: 'text/plain', bytes: '' }, /empty/],
    // The multipart parser names a part whose file name is only a path after its field ("0").
    ['a name that is only a path', { name: '../', type: 'text/plain', bytes: 'x' }, /needs a name|without an extension/],
  ])('refuses %s with BAD_USER_INPUT and stores nothing', async (_label, file, message) => {
    const app = getApp();
    const f = await rolesFixture(app);
    await expectUploadRefused(app, f, file, message);
    expect(await storedFor(f)).toEqual([]);
    expect(await app.prisma.file.count()).toBe(0);
  });

  it('refuses a JSON request that sends no file', async () => {
    const f = await rolesFixture(getApp());
    const result = await f.clients.MEMBER.gql(UPLOAD, { file: 'not a file', attachTo: await recordIn(getApp(), f, 'company') });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });

  it('reads attachTo in another workspace, of another type, or malformed as NOT_FOUND', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const acme = await recordIn(app, f, 'company');
    const elsewhereId = decodeGlobalID(f.otherWorkspaceGid).id;
    const foreign = await app.prisma.company.create({ data: { workspaceId: elsewhereId, name: 'Elsewhere Co', ownerId: f.users.OUTSIDER.id } });
    const tag = await app.prisma.tag.create({ data: { workspaceId: f.workspaceId, name: 'vip' } });
    const file = { name: 'a.txt', bytes: 'hello' };

    f.clients.OUTSIDER.workspaceId = f.otherWorkspaceGid;
    expect(errorCodes(await uploadAs(app, f.clients.OUTSIDER, acme, file))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await uploadAs(app, f.clients.MEMBER, globalId('Company', foreign.id), file))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await uploadAs(app, f.clients.MEMBER, globalId('Tag', tag.id), file))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await uploadAs(app, f.clients.MEMBER, 'garbage', file))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await f.clients.OUTSIDER.gql(LIST, { id: acme }))).toEqual(['NOT_FOUND']);
    expect(await app.prisma.file.count()).toBe(0);
  });

  it('answers 404, never 403, to downloads by another workspace, anonymous callers, and for unknown or deleted files', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const uploaded = await upload(f, await recordIn(app, f, 'company'), { name: 'plan.txt', bytes: 'secret plan' });
    const fileId = uuidOf(uploaded.id);
    const url = await startServer();

    const anonymous = app.client();
    const forged = app.client();
    forged.cookie = 'kith_session=forged';
    const attempts = [
      await download(url, fileId, f.clients.OUTSIDER),
      await download(url, fileId, anonymous),
      await download(url, fileId, forged),
      await download(url, '01900000-0000-7000-8000-000000000000', f.clients.MEMBER),
      await download(url, 'not-a-uuid', f.clients.MEMBER),
    ];
    for (const response of attempts) {
      expect(response.status).toBe(404);
      expect(response.headers.get('content-disposition')).toBeNull();
      expect(await response.json()).toEqual({ error: 'Not found' });
    }

    await f.clients.MEMBER.ok(`mutation($id: ID!) { deleteFile(id: $id) }`, { id: uploaded.id });
    expect((await download(url, fileId, f.clients.MEMBER)).status).toBe(404);
  });

  it("hides a private record's files (and those of notes on it) from members who cannot see the record", async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const secret = await recordIn(app, f, 'company', { privately: true });
    const note = globalId(
      'Note',
      (await app.prisma.note.create({ data: { workspaceId: f.workspaceId, body: 'x', companyId: uuidOf(secret), createdById: f.users.MEMBER.id } })).id,
    );
    const onCompany = await upload(f, secret, { name: 'terms.pdf', bytes: '%PDF-1.7\n...' });
    const onNote = await upload(f, note, { name: 'minutes.txt', bytes: 'minutes' });
    const url = await startServer();
    const viewer = f.clients.VIEWER;

    expect(errorCodes(await viewer.gql(LIST, { id: secret }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await viewer.gql(LIST, { id: note }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await viewer.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: onCompany.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await viewer.gql(`mutation($id: ID!) { deleteFile(id: $id) }`, { id: onNote.id }))).toEqual(['NOT_FOUND']);
    expect((await download(url, uuidOf(onCompany.id), viewer)).status).toBe(404);
    expect((await download(url, uuidOf(onNote.id), viewer)).status).toBe(404);

    expect((await f.clients.ADMIN.ok(LIST, { id: note })).attachments.totalCount).toBe(1);
    expect((await download(url, uuidOf(onCompany.id), f.clients.ADMIN)).status).toBe(200);

    await app.prisma.recordShare.create({ data: { workspaceId: f.workspaceId, companyId: uuidOf(secret), userId: f.users.VIEWER.id } });
    expect((await viewer.ok(LIST, { id: secret })).attachments.totalCount).toBe(1);
    expect((await viewer.ok(`query($id: ID!) { node(id: $id) { ... on Attachment { name } } }`, { id: onNote.id })).node).toEqual({ name: 'minutes.txt' });
    expect((await download(url, uuidOf(onNote.id), viewer)).status).toBe(200);
  });

  it("keeps a communication's attachments private when its body is private", async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const email = await recordIn(app, f, 'communication');
    await upload(f, email, { name: 'quote.pdf', bytes: '%PDF-1.4\n' });
    await app.prisma.communication.update({ where: { id: uuidOf(email) }, data: { bodyPrivate: true } });
    expect(errorCodes(await f.clients.VIEWER.gql(LIST, { id: email }))).toEqual(['NOT_FOUND']);
    expect((await f.clients.MEMBER.ok(LIST, { id: email })).attachments.totalCount).toBe(1);
    expect((await f.clients.ADMIN.ok(LIST, { id: email })).attachments.totalCount).toBe(1);
  });

  it('deletes files softly: the uploader or an admin; lists and downloads drop them, the bytes wait for the purge', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const company = await recordIn(app, f, 'company');
    const mine = await upload(f, company, { name: 'mine.txt', bytes: 'mine' });
    const owners = await upload(f, company, { name: 'owners.txt', bytes: 'owner' }, 'OWNER');
    const del = `mutation($id: ID!) { deleteFile(id: $id) }`;

    expect(errorCodes(await f.clients.MEMBER.gql(del, { id: owners.id }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await f.clients.VIEWER.gql(del, { id: mine.id }))).toEqual(['FORBIDDEN']);
    expect((await f.clients.MEMBER.ok(del, { id: mine.id })).deleteFile).toBe(mine.id);
    expect(errorCodes(await f.clients.MEMBER.gql(del, { id: mine.id }))).toEqual(['NOT_FOUND']);
    expect((await f.clients.MEMBER.ok(LIST, { id: company })).attachments).toEqual({ totalCount: 1, edges: [{ node: { id: owners.id, name: 'owners.txt' } }] });

    const row = await app.prisma.file.findUniqueOrThrow({ where: { id: uuidOf(mine.id) } });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(await readFile(join(filesDir, row.storageKey), 'utf8')).toBe('mine');

    expect((await f.clients.ADMIN.ok(del, { id: owners.id })).deleteFile).toBe(owners.id);
    expect((await f.clients.MEMBER.ok(LIST, { id: company })).attachments.totalCount).toBe(0);
  });

  it('stores a sanitised name and sends it back safely in Content-Disposition', async () => {
    const f = await rolesFixture(getApp());
    const uploaded = await upload(f, await recordIn(getApp(), f, 'company'), { name: '../../etc/Résumé <final>.txt', bytes: 'cv' });
    expect(uploaded.name).toBe('Résumé _final_.txt');
    const url = await startServer();
    const response = await download(url, uuidOf(uploaded.id), f.clients.MEMBER);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="R_sum_ _final_.txt"; filename*=UTF-8''R%C3%A9sum%C3%A9%20_final_.txt`);
  });

  it('lists a page of files in a constant number of statements', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const company = await recordIn(app, f, 'company');
    const seed = async (count: number) => {
      for (let i = 0; i < count; i += 1) await upload(f, company, { name: `f${i}.txt`, bytes: `file ${i}` }, i % 2 ? 'ADMIN' : 'MEMBER');
    };
    const page = `query($id: ID!) { attachments(recordId: $id, first: 20) { totalCount edges { node { name uploadedBy { name } downloadUrl } } } }`;
    const large = await sameStatementCount(app, () => f.clients.VIEWER.ok(page, { id: company }), seed, [2], [22]);
    expect(large.result.attachments.edges).toHaveLength(20);
  });
});
