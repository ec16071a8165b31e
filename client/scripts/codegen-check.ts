// Fails when client/src/gql/ differs from what codegen would write now (stale after a schema or
// document change): generates in memory and compares file by file, writing nothing.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import config from '../../codegen.js';

const root = resolve(import.meta.dirname, '..', '..');
const outDir = join(root, 'client', 'src', 'gql');

const generated = (await generate({ ...config, cwd: root, silent: true }, false)) as Array<{ filename: string; content: string }>;
const expected = new Map(generated.map((file) => [resolve(root, file.filename), file.content]));
const onDisk = (await readdir(outDir)).map((name) => join(outDir, name));

const problems: string[] = [];
for (const [path, content] of expected) {
  const current = await readFile(path, 'utf8').catch(() => null);
  if (current !== content) problems.push(`${relative(root, path)} is ${current === null ? 'missing' : 'stale'}`);
}
for (const path of onDisk) if (!expected.has(path)) problems.push(`${relative(root, path)} is not generated any more`);

if (problems.length > 0) {
  console.error(`Generated client code is out of date (run \`npm run codegen\`):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`client/src/gql is up to date (${expected.size} files).`);
