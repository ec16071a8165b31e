import type { Client } from 'graphql-ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKithServer, type KithServer } from '../../http/server.js';
import type { RolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';
import { wsClient } from '../activity-events/feed.test-helpers.js';
import { dataCounts } from './ai.fixtures.js';
import { aiWorkspace, loopbackProvider } from './ai.test-helpers.js';

const getApp = useTestApp();
const provider = await loopbackProvider();
let running: { server: KithServer; url: string } | null = null;
const clients: Client[] = [];

beforeEach(() => provider.reset());
// Shared with the worker's later test files (the role matrix among them): leave it with its default replies.
afterEach(() => provider.reset());
afterEach(async () => {
  for (const client of clients.splice(0)) await client.dispose();
  await running?.server.close();
  running = null;
});

async function start(f: RolesFixture, who: 'MEMBER' | 'VIEWER' | 'OUTSIDER' | 'ADMIN' = 'MEMBER') {
  if (!running) {
    const server = createKithServer(getApp().services);
    running = { server, url: `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}` };
  }
  const client = wsClient(running.url, { cookie: f.clients[who].cookie, workspaceId: f.workspaceGid });
  clients.push(client);
  return client;
}

const STREAM = `subscription($s: AiSummaryInput, $d: AiDraftInput) {
  aiStream(summary: $s, draft: $d) { delta done text subject usage { inputTokens outputTokens } items { __typename ... on Note { id } } }
}`;

interface Event {
  delta: string | null;
  done: boolean;
  text: string | null;
  subject: string | null;
  usage: { inputTokens: number; outputTokens: number } | null;
  items: Array<{ __typename: string; id?: string }> | null;
}

function subscribe(client: Client, variables: Record<string, unknown>) {
  const events: Event[] = [];
  const errors: Array<{ message: string; extensions?: Record<string, unknown> }> = [];
  let settle!: () => void;
  const finished = new Promise<void>((resolve) => (settle = resolve));
  const waiters: Array<() => void> = [];
  const stop = client.subscribe<{ aiStream: Event | null }>(
    { query: STREAM, variables },
    {
      next: (result) => {
        if (result.data?.aiStream) events.push(result.data.aiStream);
        if (result.errors) errors.push(...(result.errors as typeof errors));
        waiters.splice(0).forEach((wake) => wake());
      },
      error: (error) => {
        errors.push({ message: String((error as Error).message ?? error) });
        settle();
      },
      complete: () => settle(),
    },
  );
  const firstEvent = new Promise<void>((resolve) => waiters.push(resolve));
  return { events, errors, finished, firstEvent, stop };
}

async function until(condition: () => boolean | Promise<boolean>, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('streamed output over graphql-ws', () => {
  it('streams a summary as it is generated, ending with the whole text, the items drawn on and the tokens', async () => {
    const { app, f, h } = await aiWorkspace(getApp());
    provider.enqueue({
      content: 'Ada wants a quote by Friday [2].',
      chunks: ['Ada wants ', 'a quote ', 'by Friday [2].'],
      usage: { prompt: 80, completion: 9 },
    });
    const stream = subscribe(await start(f), { s: { recordId: h.ada, itemIds: [h.note, h.email] } });
    await stream.finished;
    expect(stream.errors).toEqual([]);
    expect(stream.events.filter((e) => !e.done).map((e) => e.delta)).toEqual(['Ada wants ', 'a quote ', 'by Friday [2].']);
    const last = stream.events.at(-1)!;
    expect(last).toMatchObject({ done: true, text: 'Ada wants a quote by Friday [2].', usage: { inputTokens: 80, outputTokens: 9 } });
    expect(last.items).toEqual([{ __typename: 'Communication' }]);

    const sent = provider.completions[0]!.body!;
    expect(sent).toMatchObject({ stream: true, stream_options: { include_usage: true }, store: false, model: 'kith-test-model' });
    expect(await app.prisma.aiUsage.findMany({ select: { feature: true, status: true, inputTokens: true, outputTokens: true } })).toEqual([
      { feature: 'SUMMARY', status: 'ok', inputTokens: 80, outputTokens: 9 },
    ]);
    expect(await app.prisma.auditLogEntry.count({ where: { action: 'ai.summary' } })).toBe(1);
  });

  it('streams a draft reply with its subject', async () => {
    const { f, h } = await aiWorkspace(getApp());
    provider.enqueue({ content: 'Dear Ada, Thursday it is.' });
    const stream = subscribe(await start(f), { d: { recordId: h.ada, sourceId: h.email, tone: 'FORMAL' } });
    await stream.finished;
    expect(stream.events.at(-1)).toMatchObject({ done: true, text: 'Dear Ada, Thursday it is.', subject: 'Re: Quote', items: null });
    expect(
      stream.events
        .filter((e) => !e.done)
        .map((e) => e.delta)
        .join(''),
    ).toBe('Dear Ada, Thursday it is.');
  });

  it('cancels the upstream request when the client unsubscribes, metered as cancelled, nothing written', async () => {
    const { app, f, h } = await aiWorkspace(getApp());
    const chunks = ['First words ', 'then a long pause ', 'and more.'];
    provider.enqueue({ content: chunks.join(''), chunks, chunkDelayMs: 4000 });
    const before = await dataCounts(app);
    const stream = subscribe(await start(f), { s: { recordId: h.ada, itemIds: [h.note] } });
    await stream.firstEvent;
    const stopped = Date.now();
    stream.stop();
    // At once, not when the next chunk would have come: the cancel reaches the request awaiting it.
    await until(() => provider.completions[0]?.aborted === true);
    expect(Date.now() - stopped).toBeLessThan(2000);
    await until(async () => (await app.prisma.aiUsage.count()) === 1);
    const [usage] = await app.prisma.aiUsage.findMany();
    expect(usage).toMatchObject({ status: 'cancelled', feature: 'SUMMARY' });
    expect(usage!.inputTokens).toBeGreaterThan(0); // estimated: the provider never reported them
    expect((await app.prisma.auditLogEntry.findFirstOrThrow({ where: { action: 'ai.summary' } })).details).toMatchObject({ status: 'cancelled' });
    expect(stream.events.length).toBeLessThan(chunks.length);
    expect(await dataCounts(app)).toEqual(before);
  });

  it('ends with a coded error for a provider failure, AI off, a viewer and an outsider', async () => {
    const { app, f, h } = await aiWorkspace(getApp());
    const variables = { s: { recordId: h.ada, itemIds: [h.note] } };
    const codeOf = async (client: Client) => {
      const stream = subscribe(client, variables);
      await stream.finished;
      return stream.errors.map((e) => e.extensions?.code);
    };
    provider.enqueue({ error: { status: 429, retryAfter: 12, code: 'rate_limit_exceeded', type: 'requests' } });
    const member = await start(f);
    const rateLimited = subscribe(member, variables);
    await rateLimited.finished;
    expect(rateLimited.errors).toMatchObject([{ extensions: { code: 'AI_RATE_LIMITED', retryAfterSeconds: 12 } }]);
    expect(await codeOf(await start(f, 'VIEWER'))).toEqual(['FORBIDDEN']);
    expect(await codeOf(await start(f, 'OUTSIDER'))).toEqual(['NOT_FOUND']);
    await app.prisma.aiWorkspaceSetting.update({ where: { workspaceId: f.workspaceId }, data: { enabled: false } });
    expect(await codeOf(member)).toEqual(['AI_DISABLED']);
    expect(provider.completions).toHaveLength(1);
  });
});
