// Where file bytes live. The service measures, hashes and checks bytes as they stream past (UploadMeter);
// a storage only writes, opens and deletes objects by key, so an S3-compatible one can slot in.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Config } from '../../config.js';
import { HEAD_BYTES } from './content-types.js';

export interface StoredObject {
  body: Readable;
  size: number;
}

export interface FileStorage {
  /** Writes the whole source under key, or nothing at all when the source fails midway. */
  put(key: string, source: AsyncIterable<Uint8Array>): Promise<void>;
  /** null when no object has that key. */
  open(key: string): Promise<StoredObject | null>;
  /** Removes the object; a missing one is not an error. */
  delete(key: string): Promise<void>;
}

const KEY = /^[0-9a-f-]{36}\/[0-9a-f]{32}$/;

/** `<workspaceId>/<128 random bits>`: unguessable, and a workspace's files share a prefix. */
export function newStorageKey(workspaceId: string): string {
  return `${workspaceId}/${randomBytes(16).toString('hex')}`;
}

/** Local disk: temp file, fsync, rename, so a crash never leaves a half-written object under its key. */
export class LocalDiskStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`Not a storage key: ${key}`);
    return join(this.root, key);
  }

  async put(key: string, source: AsyncIterable<Uint8Array>): Promise<void> {
    const target = this.pathOf(key);
    const dir = dirname(target);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const temp = `${target}.${randomBytes(4).toString('hex')}.part`;
    const handle = await open(temp, 'wx', 0o600);
    try {
      for await (const chunk of source) await handle.write(chunk);
      await handle.sync();
      await handle.close();
      await rename(temp, target);
    } catch (error) {
      await handle.close().catch(() => {});
      await rm(temp, { force: true });
      throw error;
    }
    await syncDirectory(dir);
  }

  async open(key: string): Promise<StoredObject | null> {
    const path = this.pathOf(key);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    return { body: createReadStream(path), size: info.size };
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

/** Makes the rename durable; some platforms cannot fsync a directory, which only loses that guarantee. */
async function syncDirectory(dir: string) {
  const handle = await open(dir, 'r').catch(() => null);
  await handle?.sync().catch(() => {});
  await handle?.close();
}

const storages = new WeakMap<Config, FileStorage>();

/** The configured storage; S3-compatible storage is not built yet, so this is local disk. */
export function fileStorage(config: Config): FileStorage {
  let storage = storages.get(config);
  if (!storage) {
    storage = new LocalDiskStorage(config.filesDir);
    storages.set(config, storage);
  }
  return storage;
}

/** A refusal found while streaming (too large, wrong content); the service reports it as bad input. */
export class UploadRefused extends Error {}

/**
 * Counts, hashes and inspects bytes on their way to storage. Throws UploadRefused from inside the stream
 * as soon as the size passes maxBytes or the first bytes fail the check, so the storage aborts and cleans up.
 */
export class UploadMeter {
  size = 0;
  private readonly hash = createHash('sha256');
  private head: Uint8Array[] = [];
  private headSize = 0;
  private checked = false;

  constructor(
    private readonly maxBytes: number,
    private readonly checkHead: (head: Uint8Array) => string | null,
  ) {}

  get sha256(): string {
    return this.hash.copy().digest('hex');
  }

  async *wrap(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      this.size += chunk.byteLength;
      if (this.size > this.maxBytes) throw new UploadRefused(`The file is larger than the limit of ${formatBytes(this.maxBytes)}.`);
      this.hash.update(chunk);
      if (!this.checked) this.collectHead(chunk);
      yield chunk;
    }
    if (this.size === 0) throw new UploadRefused('The file is empty.');
    if (!this.checked) this.inspect();
  }

  private collectHead(chunk: Uint8Array) {
    this.head.push(chunk);
    this.headSize += chunk.byteLength;
    if (this.headSize >= HEAD_BYTES) this.inspect();
  }

  private inspect() {
    this.checked = true;
    const head = Buffer.concat(this.head).subarray(0, HEAD_BYTES);
    this.head = [];
    const problem = this.checkHead(head);
    if (problem) throw new UploadRefused(problem);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/** Any WHATWG ReadableStream (native or Yoga's ponyfill) as an async iterable. */
export async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
