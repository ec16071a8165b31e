// npm run bench:ai [-- --requests 200 --items 10]
// What Kith adds over the model provider, measured against the loopback OpenAI-compatible server: a Kith
// process (embedded PGlite in a temp dir) with OPENAI_BASE_URL pointing at it, a contact with `items` notes,
// then `requests` summaries through Kith (aiSummarise over HTTP: auth, selection read with visibility,
// budget check, the SDK call, metering and audit in one transaction) against the same request body sent
// straight to the provider with the same SDK. Tokens: what Kith sends (instructions, record name, JSON
// framing) against the selected text alone, by the characters / 4 estimate the loopback server reports.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import OpenAI from 'openai';
import { estimateTokens, startOpenAiLoopback } from '../server/test/openai-loopback.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '200' }, items: { type: 'string', default: '10' } } });
const REQUESTS = Number(values.requests);
const ITEMS = Number(values.items);
const PORT = 4900 + Math.floor(Math.random() * 200);
const root = join(import.meta.dirname, '..');
const url = `http://127.0.0.1:${PORT}`;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: pct(sorted, 50), p95: pct(sorted, 95), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
};

const provider = await startOpenAiLoopback();
provider.respondWith(() => ({ content: 'Ada wants a quote for three engines by Friday; a call is planned [1] [2].' }));
const dataDir = await mkdtemp(join(tmpdir(), 'kith-bench-ai-'));
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(PORT),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    REDIS_URL: '',
    RATE_LIMIT_PER_MINUTE: '1000000',
    OPENAI_BASE_URL: provider.url,
    OPENAI_API_KEY: 'sk-bench',
    AI_MODEL: 'kith-test-model',
    AI_MONTHLY_TOKEN_BUDGET: '0',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
try {
  while (
    !(await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    ))
  )
    await new Promise((r) => setTimeout(r, 50));
  let cookie = '';
  let workspace = '';
  const post = async (query: string, variables: object = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kith-csrf': '1', ...(cookie ? { cookie } : {}), ...(workspace ? { 'x-workspace-id': workspace } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    cookie ||=
      res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .find((c) => c?.startsWith('kith_session=')) ?? '';
    return body.data;
  };
  await post(`mutation($i: SignUpInput!) { signUp(input: $i) { id } }`, {
    i: {
      name: 'Bench Owner',
      email: 'bench@example.com',
      password: 'violet lantern orbits 7 quiet harbors',
      workspaceName: 'Bench',
      confirmAge16OrOlder: true,
    },
  });
  workspace = (await post(`{ me { workspaces { id } } }`)).me.workspaces[0].id;
  await post(`mutation { setWorkspaceAi(enabled: true) { enabled } }`);
  const contact = (await post(`mutation { createContact(input: { firstName: "Ada", lastName: "Lovelace", emails: ["ada@example.org"] }) { id } }`))
    .createContact.id as string;
  const bodies: string[] = [];
  const itemIds: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const body = `Meeting ${i + 1}: discussed the quote for ${i + 3} engines, delivery in spring, and the budget of ${(i + 1) * 1000} pounds. Ada asked for a call next week.`;
    bodies.push(body);
    itemIds.push((await post(`mutation($i: NoteInput!) { createNote(input: $i) { id } }`, { i: { contactId: contact, body } })).createNote.id);
  }
  const selection = { recordId: contact, itemIds };
  const preview = (await post(`query($s: AiSummaryInput) { aiPreview(summary: $s) { body } }`, { s: selection })).aiPreview.body as string;
  const requestBody = JSON.parse(preview);

  const SUMMARISE = `mutation($s: AiSummaryInput!) { aiSummarise(input: $s) { text usage { inputTokens outputTokens } } }`;
  const direct = new OpenAI({ apiKey: 'sk-bench', baseURL: provider.url, maxRetries: 0 });
  // Warm both paths (JIT, connections, first queries) before measuring.
  for (let i = 0; i < 10; i++) {
    await post(SUMMARISE, { s: selection });
    await direct.chat.completions.create(requestBody);
  }
  const throughKith: number[] = [];
  const straight: number[] = [];
  const previews: number[] = [];
  const baseline: number[] = [];
  let usage = { inputTokens: 0, outputTokens: 0 };
  for (let i = 0; i < REQUESTS; i++) {
    let t = performance.now();
    usage = (await post(SUMMARISE, { s: selection })).aiSummarise.usage;
    throughKith.push(performance.now() - t);
    t = performance.now();
    await direct.chat.completions.create(requestBody);
    straight.push(performance.now() - t);
    t = performance.now();
    await post(`query($s: AiSummaryInput) { aiPreview(summary: $s) { body } }`, { s: selection });
    previews.push(performance.now() - t);
    t = performance.now();
    await post(`{ me { id } }`);
    baseline.push(performance.now() - t);
  }
  const kith = stats(throughKith);
  const plain = stats(straight);
  const selectedTokens = bodies.reduce((n, body) => n + estimateTokens(body), 0);
  const sentChars = requestBody.messages.reduce((n: number, m: { content: string }) => n + m.content.length, 0);
  const systemTokens = estimateTokens(requestBody.messages[0].content);
  const fmt = (n: number) => n.toFixed(1);
  const line = (label: string, x: ReturnType<typeof stats>) => console.log(`  ${label}: p50 ${fmt(x.p50)} ms, p95 ${fmt(x.p95)} ms, mean ${fmt(x.mean)} ms`);
  console.log(`AI overhead, ${REQUESTS} summaries of ${ITEMS} notes, loopback provider, embedded PGlite, Node ${process.version}`);
  console.log(`  straight to the provider: p50 ${fmt(plain.p50)} ms, p95 ${fmt(plain.p95)} ms, mean ${fmt(plain.mean)} ms`);
  console.log(`  through Kith (aiSummarise): p50 ${fmt(kith.p50)} ms, p95 ${fmt(kith.p95)} ms, mean ${fmt(kith.mean)} ms`);
  line('for scale, any Kith request ({ me { id } })', stats(baseline));
  line('aiPreview (the same work without the provider call and metering)', stats(previews));
  console.log(`  Kith adds: p50 ${fmt(kith.p50 - plain.p50)} ms, p95 ${fmt(kith.p95 - plain.p95)} ms, mean ${fmt(kith.mean - plain.mean)} ms`);
  console.log(
    `  tokens in: ${usage.inputTokens} sent (${sentChars} characters) for ${selectedTokens} of selected text: +${usage.inputTokens - selectedTokens} (${systemTokens} of instructions, the rest record name, dates, kinds and JSON framing)`,
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  await provider.close();
  await rm(dataDir, { recursive: true, force: true });
}
