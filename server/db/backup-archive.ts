// One backup, one archive: a tar of the database dump, the stored files (local disk) and a manifest with
// every file's size and SHA-256, so a restore brings attachments back and can prove they are whole.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';

export const MANIFEST = 'manifest.json';
const FILES = 'files/';
/** The keys a FileStorage writes: `<workspace id>/<128 random bits in hex>`. Anything else (a `.part`) is not backed up. */
const STORED_KEY = /^[0-9a-f-]{36}\/[0-9a-f]{32}$/;
const DATABASE_ENTRY = /^database\.(dump|tar\.gz)$/;

export interface BackupManifest {
  format: 'kith-backup';
  version: 1;
  createdAt: string;
  database: { engine: 'postgresql' | 'pglite'; entry: string };
  /** Local disk: the files are in the archive. S3: they stay in the bucket (its versioning keeps them); none listed. */
  files: { storage: 'local' | 's3'; entries: Array<{ key: string; size: number; sha256: string }> };
}

export class BackupArchiveError extends Error {
  override name = 'BackupArchiveError';
}

/** Every stored object under the files directory, by key. */
async function storedKeys(filesDir: string): Promise<string[]> {
  if (!existsSync(filesDir)) return [];
  const keys: string[] = [];
  for (const workspace of await readdir(filesDir)) {
    const dir = join(filesDir, workspace);
    if (!(await stat(dir)).isDirectory()) continue;
    for (const name of await readdir(dir)) if (STORED_KEY.test(`${workspace}/${name}`)) keys.push(`${workspace}/${name}`);
  }
  return keys.sort();
}

function hashing(hash: ReturnType<typeof createHash>) {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
}

/** Writes the archive: database dump first, then each file, then the manifest that lists them. */
export async function writeBackupArchive(target: string, source: { databaseFile: string; engine: 'postgresql' | 'pglite'; filesDir: string | null }) {
  const pack = tar.pack();
  const written = pipeline(pack, createWriteStream(target, { mode: 0o600 }));
  const addFile = async (name: string, path: string, hash?: ReturnType<typeof createHash>) => {
    const { size } = await stat(path);
    const entry = pack.entry({ name, size, mode: 0o600 });
    if (hash) await pipeline(createReadStream(path), hashing(hash), entry);
    else await pipeline(createReadStream(path), entry);
    return size;
  };
  const databaseEntry = source.databaseFile.endsWith('.dump') ? 'database.dump' : 'database.tar.gz';
  await addFile(databaseEntry, source.databaseFile);
  const entries: BackupManifest['files']['entries'] = [];
  for (const key of source.filesDir ? await storedKeys(source.filesDir) : []) {
    const hash = createHash('sha256');
    const size = await addFile(`${FILES}${key}`, join(source.filesDir!, key), hash);
    entries.push({ key, size, sha256: hash.digest('hex') });
  }
  const manifest: BackupManifest = {
    format: 'kith-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    database: { engine: source.engine, entry: databaseEntry },
    files: { storage: source.filesDir ? 'local' : 's3', entries },
  };
  pack.entry({ name: MANIFEST, mode: 0o600 }, JSON.stringify(manifest, null, 2));
  pack.finalize();
  await written;
  return manifest;
}

/**
 * Unpacks an archive into `staging` (which must be empty), refusing any entry it would not have written,
 * and checks every file against the manifest. Returns the manifest and the database dump's path.
 */
export async function readBackupArchive(file: string, staging: string): Promise<{ manifest: BackupManifest; databaseFile: string }> {
  const extract = tar.extract();
  const reading = pipeline(createReadStream(file), extract);
  const hashes = new Map<string, { size: number; sha256: string }>();
  for await (const entry of extract) {
    const name = entry.header.name;
    const key = name.startsWith(FILES) ? name.slice(FILES.length) : null;
    if (entry.header.type !== 'file' || !(name === MANIFEST || DATABASE_ENTRY.test(name) || (key && STORED_KEY.test(key)))) {
      entry.resume();
      throw new BackupArchiveError(`Not a Kith backup: unexpected entry "${name.slice(0, 100)}".`);
    }
    const path = join(staging, name);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const hash = createHash('sha256');
    await pipeline(entry, hashing(hash), createWriteStream(path, { mode: 0o600 }));
    if (key) hashes.set(key, { size: entry.header.size, sha256: hash.digest('hex') });
  }
  await reading;
  if (!existsSync(join(staging, MANIFEST))) throw new BackupArchiveError('Not a Kith backup: the archive has no manifest.');
  const manifest = JSON.parse(await readFile(join(staging, MANIFEST), 'utf8')) as BackupManifest;
  if (manifest.format !== 'kith-backup' || manifest.version !== 1) throw new BackupArchiveError('Not a Kith backup this version can read.');
  const databaseFile = join(staging, manifest.database.entry);
  if (!DATABASE_ENTRY.test(manifest.database.entry) || !existsSync(databaseFile)) throw new BackupArchiveError('The backup has no database dump.');
  for (const listed of manifest.files.entries) {
    const found = hashes.get(listed.key);
    if (!found || found.sha256 !== listed.sha256 || found.size !== listed.size)
      throw new BackupArchiveError(`The backup's copy of file ${listed.key} is missing or damaged.`);
  }
  if (hashes.size !== manifest.files.entries.length) throw new BackupArchiveError('The backup holds files its manifest does not list.');
  return { manifest, databaseFile };
}

export const stagedFilesDir = (staging: string) => join(staging, FILES);
