// Runs every `sh` and `js` example of docs/api.md against a real Kith server, as an integrator would.
import { execFile, spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse, validate } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { JobWorker } from '../jobs/worker.js';
import { schema } from '../schema.js';
import { jobHandlers } from '../jobs/registry.js';
import { apiKeyFor, rolesFixture, type RolesFixture } from '../test/fixtures.js';
import { useTestApp, type TestApp } from '../test/test-app.js';
import { createKithServer, type KithServer } from './server.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
// The webhook receiver example listens on 127.0.0.1.
const getApp = useTestApp({ config: { webhooksAllowPrivateUrls: true } });
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
  const documents = stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { errors?: Array<{ extensions?: { code?: string } }> });
  expect(documents.length, which).toBeGreaterThan(0);
  const shownError = /# \{"errors":\[\{.*"code":"(\w+)"/.exec(code)?.[1];
  for (const document of documents) {
    if (document.errors) expect(document.errors[0]?.extensions?.code, `${which}: ${JSON.stringify(document.errors)}`).toBe(shownError);
  }
}

/**
 * The webhook receiver example, run as written: it gets a real delivery from Kith (a webhook pointed at
 * it, a contact created, the job worker sending it) and must verify it, and must refuse a forged one.
 */
async function runWebhookReceiver(app: TestApp, f: RolesFixture, file: string) {
  const created = await f.clients.ADMIN.ok<{ createWebhook: { secret: string } }>(
    `mutation($u: String!) { createWebhook(url: $u, eventTypes: ["contact.created"]) { secret } }`,
    { u: 'http://127.0.0.1:9/placeholder' },
  );
  const child = spawn(process.execPath, [file], {
    env: { ...process.env, PORT: '0', KITH_WEBHOOK_SECRET: created.createWebhook.secret },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: Array<Record<string, unknown>> = [];
  const waitFor = (key: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const check = () => {
        const line = lines.find((l) => key in l);
        if (line) resolve(line);
      };
      child.stdout.on('data', (chunk: Buffer) => {
        for (const text of chunk
          .toString()
          .split('\n')
          .filter((t) => t.startsWith('{')))
          lines.push(JSON.parse(text));
        check();
      });
      child.once('exit', (code) => reject(new Error(`the receiver exited with ${code}`)));
      check();
    });
  try {
    const { listening } = await waitFor('listening');
    const url = `http://127.0.0.1:${listening}/kith`;
    await app.prisma.webhook.updateMany({ data: { url } });
    const forged = await fetch(url, {
      method: 'POST',
      body: '{"type":"contact.created"}',
      headers: { 'kith-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` },
    });
    expect(forged.status).toBe(401);

    const contact = await f.clients.MEMBER.ok<{ createContact: { id: string } }>(`mutation { createContact(input: { firstName: "Hook" }) { id } }`);
    const worker = new JobWorker(app.prisma, jobHandlers(app.services), { logger: app.services.logger });
    while (await worker.runNext());
    // The receiver answered 204 (not 401) to the real, signed delivery ...
    expect(await app.prisma.webhookDelivery.findMany({ select: { status: true, responseStatus: true } })).toEqual([
      { status: 'SUCCEEDED', responseStatus: 204 },
    ]);
    // ... and printed what it verified.
    expect(await waitFor('verified')).toEqual({ verified: true, type: 'contact.created', entityId: expect.any(String) });
    expect(contact.createContact.id).toBeTruthy();
  } finally {
    child.kill();
  }
}

describe('docs/api.md graphql blocks', () => {
  it('are valid operations against the schema', async () => {
    const doc = await readFile(join(root, 'docs', 'api.md'), 'utf8');
    const blocks = [...doc.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks)
      expect(
        validate(schema, parse(block)).map((e) => e.message),
        block,
      ).toEqual([]);
  });
});

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
    expect(blocks.filter((b) => b.lang === 'js').length).toBeGreaterThanOrEqual(2);
    expect(blocks.filter((b) => b.code.includes('KITH_WEBHOOK_SECRET'))).toHaveLength(1);
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
          if (block.code.includes('KITH_WEBHOOK_SECRET')) {
            await runWebhookReceiver(app, f, file);
            continue;
          }
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
