// npm run bench:feed [-- --subscribers 1000 --mutations 200 --rate 20]
// N graphql-ws subscribers on one Kith process (embedded PGlite in a temp dir), a steady stream of
// mutations, and the delivery latency of each event to each subscriber: from just before the mutation is
// sent (so it includes the request's own work and the commit) to receipt, and from the event's createdAt
// (its transaction's start, so an upper bound of commit -> receipt, the measure) to receipt; plus
// the server's resident memory.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const { values } = parseArgs({
  options: { subscribers: { type: 'string', default: '1000' }, mutations: { type: 'string', default: '200' }, rate: { type: 'string', default: '20' } },
});
const SUBSCRIBERS = Number(values.subscribers);
const MUTATIONS = Number(values.mutations);
const RATE = Number(values.rate);
const PORT = 4700 + Math.floor(Math.random() * 200);
const root = join(import.meta.dirname, '..');
const url = `http://127.0.0.1:${PORT}`;

const rssMb = async (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const dataDir = await mkdtemp(join(tmpdir(), 'kith-bench-feed-'));
// BENCH_CPU_PROF=<dir> writes a CPU profile of the server there when it exits.
const profileArgs = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
const server = spawn(process.execPath, [...profileArgs, '--import', 'tsx', 'server/main.ts'], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(PORT),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    REDIS_URL: '',
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
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
  const post = async (query: string, variables: object, cookie?: string) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return { body, setCookie: res.headers.getSetCookie() };
  };
  const signUp = await post(`mutation($i: SignUpInput!) { signUp(input: $i) { id } }`, {
    i: {
      name: 'Bench Owner',
      email: 'bench@example.com',
      password: 'violet lantern orbits 7 quiet harbors',
      workspaceName: 'Bench',
      confirmAge16OrOlder: true,
    },
  });
  const cookie = signUp.setCookie.map((c) => c.split(';')[0]).find((c) => c?.startsWith('kith_session='))!;
  const me = await post(`{ me { workspaces { id } } }`, {}, cookie);
  const workspaceId: string = me.body.data.me.workspaces[0].id;
  const rssIdle = await rssMb(server.pid!);

  const received = new Map<string, number[]>(); // entityId -> receipt times
  const fromTransaction: number[] = []; // receipt wall time - the event's createdAt (its transaction's start)
  let connected = 0;
  const clients = Array.from({ length: SUBSCRIBERS }, () =>
    createClient({
      url: `${url.replace('http', 'ws')}/graphql`,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: { cookie, 'x-workspace-id': workspaceId } });
        }
      },
      retryAttempts: 0,
      on: { connected: () => void connected++ },
    }),
  );
  let measuring = false;
  const started = Array.from({ length: SUBSCRIBERS }, () => false);
  const subscribe = (client: (typeof clients)[number], i: number) =>
    client.subscribe<{ activityFeed: { entityId: string; sequence: number; createdAt: string } }>(
      { query: `subscription { activityFeed(after: "0") { entityId sequence createdAt } }` },
      {
        next: (r) => {
          if (r.errors) console.error(JSON.stringify(r.errors));
          const now = performance.now();
          started[i] = true;
          const id = r.data?.activityFeed?.entityId;
          if (id) (received.get(id) ?? received.set(id, []).get(id)!).push(now);
          if (id && measuring) fromTransaction.push(performance.timeOrigin + now - Date.parse(r.data!.activityFeed.createdAt));
        },
        error: (e) => console.error('subscriber error', e),
        complete: () => undefined,
      },
    );
  // Clients connect in waves, as they would in life: a thousand handshakes in one instant make the last
  // ones miss graphql-ws's 3 s connection_init deadline on two cores, which measures nothing useful.
  const WAVE = 100;
  for (let from = 0; from < SUBSCRIBERS; from += WAVE) {
    clients.slice(from, from + WAVE).forEach((client, j) => subscribe(client, from + j));
    const waveStart = performance.now();
    while (connected < Math.min(SUBSCRIBERS, from + WAVE)) {
      if (performance.now() - waveStart > 30_000) throw new Error(`only ${connected} subscribers connected`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  // Warm-up event: every subscriber is live once it has received it.
  await post(`mutation($w: ID) { createTag(workspaceId: $w, name: "warm-up") { id } }`, { w: workspaceId }, cookie);
  const t0 = performance.now();
  while (started.some((s) => !s)) {
    if (performance.now() - t0 > 120_000) throw new Error(`only ${started.filter(Boolean).length} subscribers started`);
    await new Promise((r) => setTimeout(r, 50));
  }
  console.log(`${connected} subscribers connected and live`);
  const rssSubscribed = await rssMb(server.pid!);

  const sentAt = new Map<string, number>();
  measuring = true;
  const clientCpu = process.cpuUsage();
  const roundTrips: number[] = [];
  const interval = 1000 / RATE;
  const begin = performance.now();
  let peakRss = rssSubscribed;
  for (let i = 0; i < MUTATIONS; i++) {
    const due = begin + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const sent = performance.now();
    const { body } = await post(
      `mutation($n: String!, $w: ID) { createCompany(workspaceId: $w, input: { name: $n }) { id } }`,
      { n: `Company ${i}`, w: workspaceId },
      cookie,
    );
    sentAt.set(body.data.createCompany.id, sent);
    roundTrips.push(performance.now() - sent);
    if (i % 50 === 0) peakRss = Math.max(peakRss, await rssMb(server.pid!));
  }
  const deadline = performance.now() + 60_000;
  const complete = () => [...sentAt.keys()].every((id) => (received.get(id)?.length ?? 0) >= SUBSCRIBERS);
  while (!complete() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  peakRss = Math.max(peakRss, await rssMb(server.pid!));

  const latencies: number[] = [];
  let missing = 0;
  for (const [id, sent] of sentAt) {
    const times = received.get(id) ?? [];
    missing += SUBSCRIBERS - times.length;
    for (const t of times) latencies.push(t - sent);
  }
  latencies.sort((a, b) => a - b);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  console.log(`subscribers ${SUBSCRIBERS}, mutations ${MUTATIONS} at ${RATE}/s, deliveries ${latencies.length}, missing ${missing}`);
  console.log(
    `latency send->receipt (includes the commit): p50 ${ms(pct(latencies, 50))}  p95 ${ms(pct(latencies, 95))}  p99 ${ms(pct(latencies, 99))}  max ${ms(latencies.at(-1) ?? 0)}`,
  );
  const clientCpuMs = ((u) => (u.user + u.system) / 1000)(process.cpuUsage(clientCpu));
  fromTransaction.sort((a, b) => a - b);
  console.log(
    `latency transaction start->receipt (an upper bound of commit->receipt): p50 ${ms(pct(fromTransaction, 50))}  p95 ${ms(pct(fromTransaction, 95))}  p99 ${ms(pct(fromTransaction, 99))}`,
  );
  roundTrips.sort((a, b) => a - b);
  console.log(`mutation round trip (send->response): p50 ${ms(pct(roundTrips, 50))}  p99 ${ms(pct(roundTrips, 99))}`);
  console.log(`this bench process (the subscribers) used ${((clientCpuMs / (performance.now() - begin)) * 100).toFixed(0)}% of a core while measuring`);
  console.log(`server RSS: idle ${rssIdle.toFixed(0)} MB, with subscribers ${rssSubscribed.toFixed(0)} MB, peak ${peakRss.toFixed(0)} MB`);
  await Promise.all(clients.map(async (c) => c.dispose()));
} finally {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
  await rm(dataDir, { recursive: true, force: true });
}
