import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';
import { ORPHAN_MIN_AGE_MS, sweepOrphanedFiles } from './orphan-sweep.js';
import { newStorageKey } from './storage.js';

const getApp = useTestApp();
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function put(root: string, key: string, ageMs: number) {
  await mkdir(join(root, key.split('/')[0]!), { recursive: true });
  await writeFile(join(root, key), key);
  const when = new Date(Date.now() - ageMs);
  await utimes(join(root, key), when, when);
}

describe('orphaned stored files', () => {
  it('removes old fragments and objects no row names, and keeps referenced and young objects and anything that is not a stored object', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const root = await mkdtemp(join(tmpdir(), 'kith-orphans-'));
    dirs.push(root);
    const old = ORPHAN_MIN_AGE_MS + 60_000;
    const attached = newStorageKey(f.workspaceId);
    const exported = newStorageKey(f.workspaceId);
    const orphan = newStorageKey(f.workspaceId);
    const young = newStorageKey(f.workspaceId);
    const elsewhere = newStorageKey('00000000-0000-4000-8000-00000000beef');
    await app.prisma.file.create({
      data: { workspaceId: f.workspaceId, name: 'a.txt', contentType: 'text/plain', size: 1, storageKey: attached, sha256: 'x' },
    });
    await app.prisma.workspaceExport.create({ data: { workspaceId: f.workspaceId, format: 'JSON', status: 'DONE', storageKey: exported } });
    for (const key of [attached, exported, orphan, `${orphan}.1a2b3c4d.part`, elsewhere]) await put(root, key, old);
    await put(root, young, 1000);
    await put(root, `${young}.0f0f0f0f.part`, 1000);
    await put(root, `${f.workspaceId}/README`, old);

    expect(await sweepOrphanedFiles(app.prisma, root)).toEqual({ fragments: 1, objects: 2 });
    const left = (await readdir(join(root, f.workspaceId))).sort();
    expect(left).toEqual([attached, exported, young, `${young}.0f0f0f0f.part`, 'README'].map((k) => k.split('/').pop()).sort());
    expect(await readdir(root)).toEqual([f.workspaceId]); // the emptied directory went too
    expect(await sweepOrphanedFiles(app.prisma, join(root, 'missing'))).toEqual({ fragments: 0, objects: 0 });
  });
});
