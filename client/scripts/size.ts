// Prints the gzipped size of the JavaScript a first visit downloads (the entry script and the chunks
// index.html preloads) and of all chunks; fails above the budget of 150 KB.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const dist = join(import.meta.dirname, '..', 'dist');
const html = await readFile(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
const gz = async (file: string) => gzipSync(await readFile(join(dist, file)), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

let initialBytes = 0;
for (const file of initial) initialBytes += await gz(file);
let allBytes = 0;
for (const file of (await readdir(join(dist, 'assets'))).filter((f) => f.endsWith('.js'))) allBytes += await gz(`assets/${file}`);

console.log(`Initial JavaScript: ${kb(initialBytes)} gzipped in ${initial.length} files (budget ${BUDGET_KB} KB); all chunks: ${kb(allBytes)}.`);
if (initialBytes > BUDGET_KB * 1024) {
  console.error(`Over the budget of ${BUDGET_KB} KB.`);
  process.exit(1);
}
