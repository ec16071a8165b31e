// Runs every `sh` and `js` example of docs/api.md against a real Kith server, as an integrator would.
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { apiKeyFor, rolesFixture } from '../test/fixtures.js';
import { useTestApp } from '../test/test-app.js';
import { createKithServer, type KithServer } from './server.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const getApp = useTestApp();
let server: KithServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function examples() {
  const doc = await readFile(join(root, 'docs', 'api.md'), 'utf8');
  return [...doc.matchAll(/```(sh|js)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1] as 'sh' | 'js', code: m[2]! }));
}

/** Each JSON document the example printed; an example that shows an error says which in a `# {"errors"...}` comment. */
function checkOutput(code: string, stdout: string, which: string) {
  const documents = stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { errors?: Array<{ extensions?: { code?: string } }> });
  expect(documents.length, which).toBeGreaterThan(0);
  const shownError = /# \{"errors":\[\{.*"code":"(\w+)"/.exec(code)?.[1];
  for (const document of documents) {
    if (document.errors) expect(document.errors[0]?.extensions?.code, `${which}: ${JSON.stringify(document.errors)}`).toBe(shownError);
  }
}

describe('docs/api.md', () => {
  it('has examples, and every one of them runs as written', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    for (const firstName of ['Ada', 'Alan', 'Barbara']) {
      await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName, lastName: 'Example' } });
    }
    const { secret } = await apiKeyFor(app, f.users.ADMIN.id, f.workspaceId, 'MEMBER');
    server = createKithServer(app.services);
    const url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
    const env = { ...process.env, KITH_URL: url, KITH_API_KEY: secret, KITH_WORKSPACE: f.workspaceGid };

    const blocks = await examples();
    expect(blocks.filter((b) => b.lang === 'sh').length).toBeGreaterThanOrEqual(3);
    expect(blocks.filter((b) => b.lang === 'js').length).toBeGreaterThanOrEqual(1);
    const scratch = join(root, 'node_modules', '.cache', 'kith-docs');
    await mkdir(scratch, { recursive: true });
    try {
      for (const [index, block] of blocks.entries()) {
        if (block.lang === 'sh') {
          const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', block.code], { env });
          checkOutput(block.code, stdout, `example ${index + 1} (sh)`);
        } else {
          // Inside the repository, so the example's imports resolve from node_modules as in a real project.
          const file = join(scratch, `example-${index}.mjs`);
          await writeFile(file, block.code);
          const { stdout } = await run(process.execPath, [file], { env });
          checkOutput(block.code, stdout, `example ${index + 1} (js)`);
        }
      }
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    expect(await app.prisma.contact.count({ where: { firstName: 'Grace', lastName: 'Hopper' } })).toBe(1);
  });
});
