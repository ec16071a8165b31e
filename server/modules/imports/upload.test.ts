import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { rolesFixture, type RolesFixture } from '../../test/fixtures.js';
import { useTestApp, type TestClient } from '../../test/test-app.js';
import { useTestServer } from '../../test/test-server.js';
import { fileStorage } from '../files/storage.js';
import { clientHeaders } from '../files/upload-client.js';
import { READ, runDueJobs, START } from './imports.test-helpers.js';

const getApp = useTestApp();
const start = useTestServer(getApp);

function upload(url: string, client: TestClient, body: BodyInit, name = 'people.csv', extra: Record<string, string> = {}) {
  return fetch(`${url}/imports/upload?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { ...clientHeaders(client), 'content-type': 'text/csv', ...extra },
    body,
    duplex: 'half',
  } as RequestInit);
}

describe('POST /imports/upload', () => {
  it('streams a Windows-1252, semicolon file into storage and suggests its mapping', async () => {
    const url = await start();
    const app = getApp();
    const f = await rolesFixture(app);
    const bytes = iconv.encode('Prénom;Nom;E-mail;Société\r\nRené;Müller;rene@example.com;Café Zürich\r\n', 'win1252');
    const response = await upload(url, f.clients.MEMBER, new Uint8Array(bytes));
    expect(response.status).toBe(201);
    const { import: created } = (await response.json()) as { import: Record<string, unknown> };
    expect(created).toMatchObject({
      status: 'UPLOADED',
      entity: 'CONTACT',
      headers: ['Prénom', 'Nom', 'E-mail', 'Société'],
      columns: ['firstName', 'lastName', 'emails', null],
    });
    const row = await app.prisma.import.findFirstOrThrow();
    expect(row).toMatchObject({
      encoding: 'win1252',
      delimiter: ';',
      byteSize: BigInt(bytes.length),
      createdById: f.users.MEMBER.id,
      workspaceId: f.workspaceId,
    });
    const stored = await fileStorage(app.services.config).open(row.storageKey!);
    expect(stored!.size).toBe(bytes.length);
    stored!.body.destroy();
    expect(await app.prisma.auditLogEntry.count({ where: { action: 'import.uploaded', targetId: row.id } })).toBe(1);
  });

  it('takes a chunked body of many megabytes without a length', async () => {
    const url = await start();
    const f = await rolesFixture(getApp());
    const line = 'someone@example.com,Some One,+1 212 555 0187\n';
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('Email,Name,Phone\n'));
        controller.enqueue(new TextEncoder().encode(line.repeat(10_000)));
        sent += 1;
        if (sent === 12) controller.close();
      },
    });
    const response = await upload(url, f.clients.MEMBER, body);
    expect(response.status).toBe(201);
    const row = await getApp().prisma.import.findFirstOrThrow();
    expect(Number(row.byteSize)).toBe('Email,Name,Phone\n'.length + line.length * 10_000 * 12);
    expect(row.columns).toEqual(['emails', 'fullName', 'phones']);
  });

  it('refuses without the CSRF header, signed out, as a viewer, in a workspace one is not in, and files that are not text', async () => {
    const url = await start();
    const app = getApp();
    const f: RolesFixture = await rolesFixture(app);
    const csv = 'Name,Email\nA,a@example.com\n';
    const noCsrf = await fetch(`${url}/imports/upload?name=a.csv`, {
      method: 'POST',
      headers: { cookie: f.clients.MEMBER.cookie!, 'x-workspace-id': f.clients.MEMBER.workspaceId! },
      body: csv,
    });
    expect([noCsrf.status, (await noCsrf.json()).error.code]).toEqual([403, 'CSRF']);
    const anonymous = await upload(url, f.clients.ANONYMOUS, csv);
    expect(anonymous.status).toBe(401);
    const viewer = await upload(url, f.clients.VIEWER, csv);
    expect([viewer.status, (await viewer.json()).error.code]).toEqual([403, 'FORBIDDEN']);
    const outsider = await upload(url, f.clients.OUTSIDER, csv, 'a.csv', { 'x-workspace-id': f.workspaceGid });
    expect([outsider.status, (await outsider.json()).error.code]).toEqual([404, 'NOT_FOUND']);
    const zip = await upload(url, f.clients.MEMBER, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'sheet.xlsx');
    expect([zip.status, (await zip.json()).error.message]).toEqual([400, expect.stringMatching(/save the sheet as CSV/)]);
    const empty = await upload(url, f.clients.MEMBER, new Uint8Array(0));
    expect(empty.status).toBe(400);
    const unnamed = await fetch(`${url}/imports/upload`, { method: 'POST', headers: clientHeaders(f.clients.MEMBER), body: csv });
    expect(unnamed.status).toBe(400);
    // Nothing was booked, and no upload was left in storage.
    expect(await app.prisma.import.count()).toBe(0);
  });
});

describe('GET /imports/<id>/errors.csv', () => {
  it('gives the failed rows with their reason to the importer, and nothing to anyone else', async () => {
    const url = await start();
    const app = getApp();
    const f = await rolesFixture(app);
    const csv = 'Name,Email,Phone\r\nGood One,good@example.com,\r\n"=Bad, One",not-an-email,\r\nNo Phone,np@example.com,12\r\n';
    const response = await upload(url, f.clients.MEMBER, csv);
    const { import: created } = (await response.json()) as { import: { id: string; columns: string[] } };
    await f.clients.MEMBER.ok(START, { id: created.id, settings: { entity: 'CONTACT', columns: created.columns, dedupeMode: 'SKIP' } });
    await runDueJobs(app);
    const { node } = await f.clients.MEMBER.ok(READ, { id: created.id });
    expect(node).toMatchObject({ status: 'DONE', createdCount: 1, failedCount: 2 });
    const path = new URL(node.errorFileUrl).pathname;

    const file = await fetch(`${url}${path}`, { headers: clientHeaders(f.clients.MEMBER) });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      'Name,Email,Phone,Import error\r\n' +
        `"'=Bad, One",not-an-email,,"""not-an-email"" is not a valid email address."\r\n` +
        'No Phone,np@example.com,12,"""12"" is not a valid phone number (include the country code, or set the workspace\'s default country)."\r\n',
    );
    for (const other of [f.clients.VIEWER, f.clients.OUTSIDER, f.clients.ANONYMOUS]) {
      expect((await fetch(`${url}${path}`, { headers: clientHeaders(other) })).status).toBe(404);
    }
    // Admins see every member's imports.
    expect((await fetch(`${url}${path}`, { headers: clientHeaders(f.clients.ADMIN) })).status).toBe(200);
  });
});
