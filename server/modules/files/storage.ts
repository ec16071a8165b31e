// Where file bytes live. The service measures, hashes and checks bytes as they stream past (UploadMeter);
// a storage only writes, opens and deletes objects by key: local disk or S3-compatible (chosen in fileStorage).
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Config, S3Config } from '../../config.js';
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

function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`Not a storage key: ${key}`);
  return key;
}

/** `<workspaceId>/<128 random bits>`: unguessable, and a workspace's files share a prefix. */
export function newStorageKey(workspaceId: string): string {
  return `${workspaceId}/${randomBytes(16).toString('hex')}`;
}

/** Local disk: temp file, fsync, rename, so a crash never leaves a half-written object under its key. */
export class LocalDiskStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    return join(this.root, checkKey(key));
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

/**
 * S3-compatible object storage (AWS S3, MinIO, R2, ...) under the same keys as local disk. PutObject needs
 * the length up front, so an upload is staged to a private temp file first (the meter may still refuse it
 * midway, and then nothing is sent), uploaded with its length, and the temp file removed either way.
 * The SDK is imported on first use, so local-disk installs never load it.
 */
export class S3Storage implements FileStorage {
  private client: Promise<{ s3: S3Client; sdk: typeof import('@aws-sdk/client-s3') }> | null = null;

  constructor(private readonly options: S3Config) {}

  private connect() {
    this.client ??= import('@aws-sdk/client-s3').then((sdk) => {
      const { region, endpoint, forcePathStyle, accessKeyId, secretAccessKey } = this.options;
      const s3 = new sdk.S3Client({
        region,
        endpoint,
        forcePathStyle,
        credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
        // The SDK's default (a CRC32 trailer in aws-chunked encoding) is not understood by many
        // S3-compatible servers; Kith hashes uploads itself.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      });
      return { s3, sdk };
    });
    return this.client;
  }

  async put(key: string, source: AsyncIterable<Uint8Array>): Promise<void> {
    checkKey(key);
    const { s3, sdk } = await this.connect();
    await mkdir(this.options.stagingDir, { recursive: true });
    const temp = join(this.options.stagingDir, `kith-upload-${randomBytes(8).toString('hex')}.part`);
    const handle = await open(temp, 'wx', 0o600);
    try {
      let size = 0;
      try {
        for await (const chunk of source) {
          await handle.write(chunk);
          size += chunk.byteLength;
        }
      } finally {
        await handle.close();
      }
      // The SDK never retries a streamed body; the staged file can be re-read, so transient failures are retried here.
      for (let attempt = 1; ; attempt += 1) {
        try {
          await s3.send(
            new sdk.PutObjectCommand({
              Bucket: this.options.bucket,
              Key: key,
              Body: createReadStream(temp),
              ContentLength: size,
              ContentType: 'application/octet-stream',
            }),
          );
          break;
        } catch (error) {
          if (attempt >= PUT_ATTEMPTS || !isTransient(error)) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
        }
      }
    } finally {
      await rm(temp, { force: true });
    }
  }

  async open(key: string): Promise<StoredObject | null> {
    checkKey(key);
    const { s3, sdk } = await this.connect();
    try {
      const object = await s3.send(new sdk.GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
      if (!object.Body) return null;
      return { body: object.Body as Readable, size: object.ContentLength ?? 0 };
    } catch (error) {
      if (error instanceof sdk.NoSuchKey || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    checkKey(key);
    const { s3, sdk } = await this.connect();
    try {
      await s3.send(new sdk.DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
    } catch (error) {
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 404) throw error;
    }
  }
}

const PUT_ATTEMPTS = 3;

/** Throttling, a 5xx or a network error (no HTTP status): worth another try. */
function isTransient(error: unknown): boolean {
  const e = error as { $retryable?: unknown; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode;
  return Boolean(e.$retryable) || status === undefined || status >= 500 || status === 429;
}

/** What fileStorage reads of the configuration (plain data, so another process can be handed it). */
export type StorageSettings = Pick<Config, 's3' | 'filesDir'>;

const storages = new WeakMap<StorageSettings, FileStorage>();

/** The configured storage, chosen here and only here: S3 when S3_BUCKET is set, otherwise local disk. */
export function fileStorage(config: StorageSettings): FileStorage {
  let storage = storages.get(config);
  if (!storage) {
    storage = config.s3 ? new S3Storage(config.s3) : new LocalDiskStorage(config.filesDir);
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
