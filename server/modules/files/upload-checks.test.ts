import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { contentTypeFor } from './content-types.js';
import { contentDisposition, sanitizeFileName } from './file-name.js';
import { LocalDiskStorage, newStorageKey, UploadMeter, UploadRefused } from './storage.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const WORKSPACE = '01900000-0000-7000-8000-000000000001';
const root = await mkdtemp(join(tmpdir(), 'kith-storage-'));
afterAll(() => rm(root, { recursive: true, force: true }));

async function* chunks(count: number, size: number, pulled: { count: number }) {
  for (let i = 0; i < count; i += 1) {
    pulled.count += 1;
    yield new Uint8Array(size).fill(0x61);
  }
}

describe('file names', () => {
  it.each([
    ['../../etc/passwd.txt', 'passwd.txt'],
    ['C:\\Users\\ada\\report.pdf', 'report.pdf'],
    ['  ..hidden.txt  ', 'hidden.txt'],
    ['a\u0000b\u202Ec<d>:e|f?.txt', 'abc_d__e_f_.txt'],
    ['line\nbreak\t name.csv', 'line break name.csv'],
    ['/', ''],
  ])('sanitises %j to %j', (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it('cuts long names to 200 characters and keeps the extension', () => {
    const name = sanitizeFileName(`${'é'.repeat(300)}.docx`);
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('é.docx')).toBe(true);
  });

  it('sends an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Résumé "final".pdf')).toBe(`attachment; filename="R_sum_ _final_.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22.pdf`);
  });
});

describe('content types', () => {
  it('takes the type from the extension and accepts a matching or uninformative declaration', () => {
    expect(contentTypeFor('scan.PDF', 'application/pdf', null)).toMatchObject({ ok: true, mime: 'application/pdf' });
    expect(contentTypeFor('photo.jpeg', '', null)).toMatchObject({ ok: true, mime: 'image/jpeg' });
    expect(contentTypeFor('list.csv', 'application/vnd.ms-excel', null)).toMatchObject({ ok: true, mime: 'text/csv' });
    expect(contentTypeFor('deck.pptx', 'application/octet-stream', null)).toMatchObject({ ok: true });
  });

  it('refuses unknown extensions, missing ones and declarations that contradict the extension', () => {
    expect(contentTypeFor('setup.exe', 'application/x-msdownload', null)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^\.exe files are not accepted/),
    });
    expect(contentTypeFor('page.svg', 'image/svg+xml', null)).toMatchObject({ ok: false });
    expect(contentTypeFor('README', 'text/plain', null)).toMatchObject({ ok: false, reason: expect.stringMatching(/without an extension/) });
    expect(contentTypeFor('photo.png', 'text/html', null)).toMatchObject({ ok: false, reason: expect.stringMatching(/does not match the \.png extension/) });
  });

  it('narrows to FILES_ALLOWED_TYPES, which may only list types Kith can verify', () => {
    expect(contentTypeFor('photo.png', 'image/png', ['application/pdf'])).toMatchObject({ ok: false });
    expect(loadConfig({ NODE_ENV: 'test', FILES_ALLOWED_TYPES: 'application/pdf, IMAGE/PNG' }).filesAllowedTypes).toEqual(['application/pdf', 'image/png']);
    expect(() => loadConfig({ NODE_ENV: 'test', FILES_ALLOWED_TYPES: 'application/pdf,text/html' })).toThrow(/FILES_ALLOWED_TYPES/);
    expect(loadConfig({ NODE_ENV: 'test', FILES_MAX_BYTES: '1048576' }).filesMaxBytes).toBe(1048576);
  });

  it('recognises contents by their first bytes', () => {
    const sniff = (name: string) => (contentTypeFor(name, '', null) as { sniff: (head: Uint8Array) => boolean }).sniff;
    expect(sniff('a.png')(PNG)).toBe(true);
    expect(sniff('a.pdf')(PNG)).toBe(false);
    expect(sniff('a.pdf')(new TextEncoder().encode('%PDF-1.7\n'))).toBe(true);
    expect(sniff('a.docx')(new TextEncoder().encode('PK\x03\x04rest'))).toBe(true);
    expect(sniff('a.txt')(new TextEncoder().encode('plain, with tabs\tand\r\nlines'))).toBe(true);
    expect(sniff('a.txt')(PNG)).toBe(false);
  });
});

describe('local disk storage with the upload meter', () => {
  it('stores the bytes under the key and reports size and sha256 while streaming', async () => {
    const storage = new LocalDiskStorage(root);
    const key = newStorageKey(WORKSPACE);
    const meter = new UploadMeter(1024 * 1024, () => null);
    await storage.put(key, meter.wrap(chunks(4, 1000, { count: 0 })));
    const expected = new Uint8Array(4000).fill(0x61);
    expect(meter.size).toBe(4000);
    expect(meter.sha256).toBe(createHash('sha256').update(expected).digest('hex'));
    expect(new Uint8Array(await readFile(join(root, key)))).toEqual(expected);
    const opened = await storage.open(key);
    expect(opened?.size).toBe(4000);
    opened?.body.destroy();
    await storage.delete(key);
    expect(await storage.open(key)).toBeNull();
  });

  it('aborts as soon as the size passes the limit and leaves no partial file', async () => {
    const storage = new LocalDiskStorage(root);
    const key = newStorageKey('01900000-0000-7000-8000-000000000002');
    const pulled = { count: 0 };
    const meter = new UploadMeter(64 * 1024, () => null);
    await expect(storage.put(key, meter.wrap(chunks(100, 16 * 1024, pulled)))).rejects.toThrow(UploadRefused);
    expect(pulled.count).toBe(5);
    expect(await readdir(join(root, '01900000-0000-7000-8000-000000000002'))).toEqual([]);
  });

  it('aborts on contents that fail the check before writing the rest', async () => {
    const storage = new LocalDiskStorage(root);
    const key = newStorageKey('01900000-0000-7000-8000-000000000003');
    const pulled = { count: 0 };
    const meter = new UploadMeter(1024 * 1024, (head) => (head[0] === 0x25 ? null : 'not a PDF'));
    await expect(storage.put(key, meter.wrap(chunks(100, 1024, pulled)))).rejects.toThrow('not a PDF');
    expect(pulled.count).toBe(1);
    expect(await readdir(join(root, '01900000-0000-7000-8000-000000000003'))).toEqual([]);
  });

  it('refuses keys that could leave its directory', async () => {
    const storage = new LocalDiskStorage(root);
    await expect(storage.open('../../etc/passwd')).rejects.toThrow(/Not a storage key/);
  });
});
