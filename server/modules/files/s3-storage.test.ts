import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type S3Config } from '../../config.js';
import { createKithServer, type KithServer } from '../../http/server.js';
import { rolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';
import { expectUploadRefused, recordIn } from './files.matrix.js';
import { clientHeaders, uploadForm } from './upload-client.js';
import { fileStorage, LocalDiskStorage, newStorageKey, S3Storage, UploadMeter, UploadRefused } from './storage.js';

/**
 * A minimal S3-speaking server: path-style PUT, GET and DELETE of objects, bodies in memory. It refuses
 * requests without an AWS SigV4 Authorization header (the signature itself is not checked).
 */
function fakeS3() {
  const objects = new Map<string, Buffer>();
  /** How many upcoming PUTs fail with 503 SlowDown. */
  const failures = { put: 0 };
  const requests: { method: string; path: string; authorization: string | undefined; contentEncoding: string | undefined }[] = [];
  const xmlError = (res: ServerResponse, status: number, code: string) =>
    res
      .writeHead(status, { 'content-type': 'application/xml' })
      .end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`);

  // A throw here fails the request under test, which is what a test wants.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://s3').pathname);
    requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization, contentEncoding: req.headers['content-encoding'] });
    if (
      !/^AWS4-HMAC-SHA256 Credential=test-key\/\d{8}\/[a-z0-9-]+\/s3\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/.test(
        req.headers.authorization ?? '',
      )
    ) {
      return xmlError(res, 403, 'AccessDenied');
    }
    const match = /^\/([^/]+)\/(.+)$/.exec(path);
    if (!match) return xmlError(res, 400, 'InvalidRequest');
    const id = `${match[1]}/${match[2]}`;
    if (req.method === 'PUT' && failures.put > 0) {
      failures.put -= 1;
      req.resume();
      return xmlError(res, 503, 'SlowDown');
    }
    if (req.method === 'PUT') {
      const parts: Buffer[] = [];
      for await (const part of req) parts.push(part as Buffer);
      const body = Buffer.concat(parts);
      if (Number(req.headers['content-length']) !== body.length) return xmlError(res, 400, 'IncompleteBody');
      objects.set(id, body);
      return res.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` }).end();
    }
    if (req.method === 'GET') {
      const body = objects.get(id);
      if (!body) return xmlError(res, 404, 'NoSuchKey');
      return res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(body.length) }).end(body);
    }
    if (req.method === 'DELETE') {
      objects.delete(id);
      return res.writeHead(204).end();
    }
    return xmlError(res, 405, 'MethodNotAllowed');
  });
  return { server, objects, requests, failures };
}

const s3 = fakeS3();
await new Promise<void>((resolve) => s3.server.listen(0, '127.0.0.1', resolve));
const endpoint = `http://127.0.0.1:${(s3.server.address() as AddressInfo).port}`;
const stagingDir = await mkdtemp(join(tmpdir(), 'kith-s3-staging-'));
const localDir = await mkdtemp(join(tmpdir(), 'kith-s3-unused-local-'));
const s3Config: S3Config = {
  bucket: 'kith-files',
  region: 'us-east-1',
  endpoint,
  accessKeyId: 'test-key',
  secretAccessKey: 'test-secret',
  forcePathStyle: true,
  stagingDir,
};
const MAX_BYTES = 64 * 1024;
const getApp = useTestApp({ config: { s3: s3Config, filesDir: localDir, filesMaxBytes: MAX_BYTES } });

afterAll(async () => {
  s3.server.closeAllConnections();
  await new Promise((resolve) => s3.server.close(resolve));
  await rm(stagingDir, { recursive: true, force: true });
  await rm(localDir, { recursive: true, force: true });
});

let running: KithServer | null = null;
beforeEach(() => {
  s3.objects.clear();
  s3.requests.length = 0;
  s3.failures.put = 0;
});
afterEach(async () => {
  await running?.close();
  running = null;
});

const png = (size: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size - 8)]);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const uuidOf = (gid: string) => decodeGlobalID(gid).id;

describe('S3 file storage through the API', () => {
  it('uploads over HTTP into the bucket under <workspace>/<random key> and downloads the same bytes', async () => {
    const app = getApp();
    expect(fileStorage(app.services.config)).toBeInstanceOf(S3Storage);
    const f = await rolesFixture(app);
    const company = await recordIn(app, f, 'company');
    const bytes = png(40 * 1024);
    running = createKithServer(app.services);
    const url = `http://127.0.0.1:${await running.listen(0, '127.0.0.1')}`;

    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: clientHeaders(f.clients.MEMBER),
      body: uploadForm(company, { name: 'chart.png', type: 'image/png', bytes }),
    });
    const { data, errors } = (await response.json()) as { data: { uploadFile: { id: string; size: number; sha256: string } }; errors?: unknown };
    expect(errors).toBeUndefined();
    expect(data.uploadFile).toMatchObject({ size: bytes.length, sha256: sha256(bytes) });

    const row = await app.prisma.file.findUniqueOrThrow({ where: { id: uuidOf(data.uploadFile.id) } });
    expect(row.storageKey).toMatch(new RegExp(`^${f.workspaceId}/[0-9a-f]{32}$`));
    expect([...s3.objects.keys()]).toEqual([`kith-files/${row.storageKey}`]);
    expect(Buffer.compare(s3.objects.get(`kith-files/${row.storageKey}`)!, bytes)).toBe(0);
    // Plain bodies (no aws-chunked trailers), signed, path-style; the staging file is gone; local disk untouched.
    expect(s3.requests).toEqual([
      { method: 'PUT', path: `/kith-files/${row.storageKey}`, authorization: expect.stringMatching(/^AWS4-HMAC-SHA256 /), contentEncoding: undefined },
    ]);
    expect(await readdir(stagingDir)).toEqual([]);
    expect(await readdir(localDir)).toEqual([]);

    const got = await fetch(`${url}/files/${row.id}`, { headers: { cookie: f.clients.VIEWER.cookie! } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-length')).toBe(String(bytes.length));
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(Buffer.compare(Buffer.from(await got.arrayBuffer()), bytes)).toBe(0);

    // An object missing from the bucket is a 404, not a server error.
    s3.objects.clear();
    const missing = await fetch(`${url}/files/${row.id}`, { headers: { cookie: f.clients.VIEWER.cookie! } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'Not found' });
  });

  it.each([
    ['too large', { name: 'big.png', type: 'image/png', bytes: png(MAX_BYTES + 1) }, /larger than the limit of 64 KiB/],
    ['not what the extension says', { name: 'invoice.pdf', type: 'application/pdf', bytes: png(2000) }, /do not look like a \.pdf file/],
  ])('refuses an upload that is %s and leaves nothing in the bucket, the staging directory or the database', async (_label, file, message) => {
    const app = getApp();
    const f = await rolesFixture(app);
    await expectUploadRefused(app, f, file, message);
    expect(s3.requests).toEqual([]);
    expect(s3.objects.size).toBe(0);
    expect(await readdir(stagingDir)).toEqual([]);
    expect(await app.prisma.file.count()).toBe(0);
  });
});

describe('S3 storage', () => {
  const workspace = '01900000-0000-7000-8000-000000000001';

  it('writes with the meter measuring and hashing, opens, and deletes (a missing object is not an error)', async () => {
    const storage = new S3Storage(s3Config);
    const key = newStorageKey(workspace);
    const bytes = randomBytes(100_000);
    const meter = new UploadMeter(1024 * 1024, () => null);
    async function* source() {
      for (let at = 0; at < bytes.length; at += 7000) yield bytes.subarray(at, at + 7000);
    }
    await storage.put(key, meter.wrap(source()));
    expect(meter.size).toBe(bytes.length);
    expect(meter.sha256).toBe(sha256(bytes));
    expect(Buffer.compare(s3.objects.get(`kith-files/${key}`)!, bytes)).toBe(0);

    const opened = await storage.open(key);
    expect(opened?.size).toBe(bytes.length);
    const read: Buffer[] = [];
    for await (const chunk of opened!.body) read.push(chunk as Buffer);
    expect(Buffer.compare(Buffer.concat(read), bytes)).toBe(0);

    await storage.delete(key);
    expect(s3.objects.size).toBe(0);
    expect(await storage.open(key)).toBeNull();
    await storage.delete(key);
    expect(await readdir(stagingDir)).toEqual([]);
  });

  it('sends nothing when the source fails midway, and refuses keys that are not storage keys', async () => {
    const storage = new S3Storage(s3Config);
    const pulled = { count: 0 };
    async function* chunks() {
      for (let i = 0; i < 100; i += 1) {
        pulled.count += 1;
        yield new Uint8Array(16 * 1024).fill(0x61);
      }
    }
    await expect(storage.put(newStorageKey(workspace), new UploadMeter(64 * 1024, () => null).wrap(chunks()))).rejects.toThrow(UploadRefused);
    expect(pulled.count).toBe(5);
    expect(s3.requests).toEqual([]);
    expect(await readdir(stagingDir)).toEqual([]);
    await expect(storage.open('../../etc/passwd')).rejects.toThrow(/Not a storage key/);
    await expect(storage.delete('other-bucket/x')).rejects.toThrow(/Not a storage key/);
  });

  it('retries a PUT the server throttles, re-reading the staged file, and gives up after three attempts', async () => {
    const storage = new S3Storage(s3Config);
    const bytes = randomBytes(5000);
    const key = newStorageKey(workspace);
    s3.failures.put = 2;
    await storage.put(
      key,
      (async function* () {
        yield bytes;
      })(),
    );
    expect(s3.requests.map((r) => r.method)).toEqual(['PUT', 'PUT', 'PUT']);
    expect(Buffer.compare(s3.objects.get(`kith-files/${key}`)!, bytes)).toBe(0);

    s3.failures.put = 3;
    await expect(
      storage.put(
        newStorageKey(workspace),
        (async function* () {
          yield bytes;
        })(),
      ),
    ).rejects.toThrow(/SlowDown/);
    expect(s3.objects.size).toBe(1);
    expect(await readdir(stagingDir)).toEqual([]);
  });

  it('reports a refused request from the server as an error', async () => {
    const storage = new S3Storage({ ...s3Config, accessKeyId: 'wrong-key' });
    await expect(
      storage.put(
        newStorageKey(workspace),
        (async function* () {
          yield new Uint8Array([1]);
        })(),
      ),
    ).rejects.toThrow(/AccessDenied/);
    expect(await readdir(stagingDir)).toEqual([]);
  });
});

describe('S3 configuration', () => {
  const env = (extra: Record<string, string>) => ({ NODE_ENV: 'test', ...extra });

  it('uses local disk without S3_BUCKET (and with empty S3 variables)', () => {
    const config = loadConfig(env({}));
    expect(config.s3).toBeNull();
    expect(fileStorage(config)).toBeInstanceOf(LocalDiskStorage);
    expect(loadConfig(env({ S3_BUCKET: '', S3_REGION: '' })).s3).toBeNull();
  });

  it('reads the S3 settings, with us-east-1 and virtual-hosted addressing by default', () => {
    expect(loadConfig(env({ S3_BUCKET: 'b' })).s3).toMatchObject({
      bucket: 'b',
      region: 'us-east-1',
      forcePathStyle: false,
      endpoint: undefined,
      accessKeyId: undefined,
    });
    const config = loadConfig(
      env({
        S3_BUCKET: 'b',
        S3_REGION: 'auto',
        S3_ENDPOINT: 'http://minio:9000',
        S3_ACCESS_KEY_ID: 'id',
        S3_SECRET_ACCESS_KEY: 'secret',
        S3_FORCE_PATH_STYLE: 'true',
      }),
    );
    expect(config.s3).toMatchObject({
      bucket: 'b',
      region: 'auto',
      endpoint: 'http://minio:9000',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    });
    expect(fileStorage(config)).toBeInstanceOf(S3Storage);
  });

  it('refuses partial S3 settings with a clear message', () => {
    expect(() => loadConfig(env({ S3_ENDPOINT: 'http://minio:9000', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 's' }))).toThrow(
      /S3_BUCKET is required for S3 file storage \(S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY are set\)/,
    );
    expect(() => loadConfig(env({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'id' }))).toThrow(/S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together/);
    expect(() => loadConfig(env({ S3_BUCKET: 'b', S3_SECRET_ACCESS_KEY: 's' }))).toThrow(/go together/);
    expect(() => loadConfig(env({ S3_BUCKET: 'b', S3_ENDPOINT: 'minio:9000' }))).toThrow(/S3_ENDPOINT/);
    expect(() => loadConfig(env({ S3_BUCKET: 'b', S3_FORCE_PATH_STYLE: 'yes' }))).toThrow(/S3_FORCE_PATH_STYLE/);
  });
});
