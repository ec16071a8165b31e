// Stored objects that no row names: fragments a crashed write left (`<key>.<rand>.part`) and objects whose
// row is gone (a process died between writing the bytes and the row, or between deleting the row and the
// bytes). Local disk only: an S3 bucket's lifecycle rules clean incomplete uploads there.
import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';

type Db = PrismaClient | Prisma.TransactionClient;

/** Younger objects may belong to a write still in progress (bytes first, then the row). */
export const ORPHAN_MIN_AGE_MS = 60 * 60 * 1000;
const KEY_NAME = /^[0-9a-f]{32}$/;
const FRAGMENT = /^[0-9a-f]{32}\.[0-9a-f]{8}\.part$/;
const BATCH = 500;

/** The keys among `keys` that a File, a WorkspaceExport or an Import (its upload) row names. */
async function referenced(db: Db, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += BATCH) {
    const batch = keys.slice(i, i + BATCH);
    const [files, exports, imports] = await Promise.all([
      db.file.findMany({ where: { storageKey: { in: batch } }, select: { storageKey: true } }),
      db.workspaceExport.findMany({ where: { storageKey: { in: batch } }, select: { storageKey: true } }),
      db.import.findMany({ where: { storageKey: { in: batch } }, select: { storageKey: true } }),
    ]);
    for (const row of [...files, ...exports, ...imports]) if (row.storageKey) found.add(row.storageKey);
  }
  return found;
}

/** Removes orphaned fragments and objects older than ORPHAN_MIN_AGE_MS under `filesDir`; returns how many. */
export async function sweepOrphanedFiles(db: Db, filesDir: string, now = Date.now()): Promise<{ fragments: number; objects: number }> {
  const removed = { fragments: 0, objects: 0 };
  const workspaces = await readdir(filesDir, { withFileTypes: true }).catch(() => []);
  for (const workspace of workspaces) {
    if (!workspace.isDirectory()) continue;
    const dir = join(filesDir, workspace.name);
    const old: string[] = [];
    for (const name of await readdir(dir)) {
      const info = await stat(join(dir, name)).catch(() => null);
      if (info?.isFile() && now - info.mtimeMs >= ORPHAN_MIN_AGE_MS) old.push(name);
    }
    for (const name of old.filter((n) => FRAGMENT.test(n))) {
      await rm(join(dir, name), { force: true });
      removed.fragments++;
    }
    const keys = old.filter((n) => KEY_NAME.test(n)).map((n) => `${workspace.name}/${n}`);
    const kept = await referenced(db, keys);
    for (const key of keys.filter((k) => !kept.has(k))) {
      await rm(join(filesDir, key), { force: true });
      removed.objects++;
    }
    await rmdir(dir).catch(() => {}); // only succeeds once the directory is empty
  }
  return removed;
}
