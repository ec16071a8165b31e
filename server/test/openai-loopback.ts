// An OpenAI-compatible server on loopback for tests and benches: /v1/chat/completions (plain, JSON-schema
// structured output, SSE streaming) and /v1/models, speaking OpenAI's wire format. It records every request
// and answers from a script: a reply, an error (429 with retry-after, 500, context too long, missing model),
// a slow stream to cancel, or a request that never answers (a timeout).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** The body exactly as received. */
  raw: string;
  body: Record<string, any> | null;
  /** Set when the client went away before the answer ended (a cancelled stream). */
  aborted: boolean;
}

export interface ScriptedError {
  status: number;
  message?: string;
  type?: string;
  code?: string | null;
  /** Seconds, sent as the retry-after header. */
  retryAfter?: number;
}

export interface ScriptedReply {
  /** The assistant message (plain and streamed). */
  content?: string;
  /** For structured output: serialised as the message content. */
  json?: unknown;
  /** How a streamed answer is cut; default: the content in pieces of about 8 characters. */
  chunks?: string[];
  /** Pause between streamed chunks (the first goes at once), for cancellation tests. */
  chunkDelayMs?: number;
  error?: ScriptedError;
  /** Never answer (until the client gives up). */
  hang?: boolean;
  /** Token counts to report instead of the estimate (characters / 4). */
  usage?: { prompt: number; completion: number };
}

export type ReplyFor = (body: Record<string, any>) => ScriptedReply;

export const estimateTokens = (text: string) => Math.ceil(text.length / 4);

const promptText = (body: Record<string, any>) =>
  (Array.isArray(body.messages) ? body.messages : [])
    .map((m: { content?: unknown }) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content ?? '')))
    .join('');

/** The smallest value a JSON schema accepts: null where allowed, empty lists, the first enum value. */
export function minimalInstance(schema: Record<string, any>): unknown {
  const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('null')) return null;
  if (schema.enum) return schema.enum[0];
  if (types.includes('object'))
    return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, minimalInstance(v as Record<string, any>)]));
  if (types.includes('array')) return [];
  if (types.includes('integer') || types.includes('number')) return 0;
  if (types.includes('boolean')) return false;
  return '';
}

const defaultReply: ReplyFor = (body) =>
  body.response_format?.type === 'json_schema'
    ? { json: minimalInstance(body.response_format.json_schema.schema) }
    : { content: 'A short answer drawing on [1].' };

export class OpenAiLoopback {
  readonly requests: RecordedRequest[] = [];
  models = ['kith-test-model'];
  private queue: ScriptedReply[] = [];
  private replyFor: ReplyFor = defaultReply;
  private server: Server;
  private sequence = 0;
  url = '';

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.server.unref(); // never what keeps a test process alive
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this;
  }

  /** The next request gets this answer (answers queue up in order). */
  enqueue(...replies: ScriptedReply[]) {
    this.queue.push(...replies);
    return this;
  }

  /** Answers for requests when the queue is empty. */
  respondWith(replyFor: ReplyFor) {
    this.replyFor = replyFor;
    return this;
  }

  reset() {
    this.requests.length = 0;
    this.queue = [];
    this.replyFor = defaultReply;
    this.models = ['kith-test-model'];
  }

  /** Chat-completion requests only. */
  get completions() {
    return this.requests.filter((r) => r.path.endsWith('/chat/completions'));
  }

  close() {
    this.server.closeAllConnections();
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: Record<string, any> | null = null;
    try {
      body = raw ? (JSON.parse(raw) as Record<string, any>) : null;
    } catch {
      body = null;
    }
    const path = (req.url ?? '/').split('?')[0]!;
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path, headers: req.headers, raw, body, aborted: false };
    this.requests.push(recorded);
    res.on('close', () => {
      if (!res.writableFinished) recorded.aborted = true;
    });

    if (req.method === 'GET' && path === '/v1/models') {
      return json(res, 200, { object: 'list', data: this.models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'kith-tests' })) });
    }
    if (req.method !== 'POST' || path !== '/v1/chat/completions')
      return error(res, { status: 404, message: `Unknown path ${path}`, type: 'invalid_request_error' });
    if (!body || !Array.isArray(body.messages)) return error(res, { status: 400, message: 'messages is required', type: 'invalid_request_error' });
    if (!this.models.includes(body.model)) {
      return error(res, {
        status: 404,
        message: `The model \`${String(body.model)}\` does not exist or you do not have access to it.`,
        type: 'invalid_request_error',
        code: 'model_not_found',
      });
    }
    const reply = this.queue.shift() ?? this.replyFor(body);
    if (reply.hang) return; // the client's timeout ends it
    if (reply.error) return error(res, reply.error);
    const content = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.content ?? '');
    const usage = reply.usage ?? { prompt: estimateTokens(promptText(body)), completion: estimateTokens(content) };
    const usageJson = { prompt_tokens: usage.prompt, completion_tokens: usage.completion, total_tokens: usage.prompt + usage.completion };
    const id = `chatcmpl-kith${++this.sequence}`;
    const created = Math.floor(Date.now() / 1000);
    if (body.stream) return this.stream(res, body, { id, created, content, reply, usage: usageJson });
    json(res, 200, {
      id,
      object: 'chat.completion',
      created,
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
      usage: usageJson,
    });
  }

  private async stream(
    res: ServerResponse,
    body: Record<string, any>,
    { id, created, content, reply, usage }: { id: string; created: number; content: string; reply: ScriptedReply; usage: object },
  ) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const chunk = (delta: object, finish: string | null, extra: object = {}) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...extra })}\n\n`;
    const pieces = reply.chunks ?? content.match(/[\s\S]{1,8}/g) ?? [];
    res.write(chunk({ role: 'assistant', content: '' }, null));
    for (const [i, piece] of pieces.entries()) {
      if (reply.chunkDelayMs && i > 0) await new Promise((resolve) => setTimeout(resolve, reply.chunkDelayMs));
      if (res.destroyed) return;
      res.write(chunk({ content: piece }, null));
    }
    res.write(chunk({}, 'stop'));
    if (body.stream_options?.include_usage) {
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [], usage })}\n\n`);
    }
    res.end('data: [DONE]\n\n');
  }
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

function error(res: ServerResponse, e: ScriptedError) {
  const headers: Record<string, string> = e.retryAfter != null ? { 'retry-after': String(e.retryAfter) } : {};
  json(res, e.status, { error: { message: e.message ?? 'Error', type: e.type ?? 'server_error', param: null, code: e.code ?? null } }, headers);
}

export const startOpenAiLoopback = () => new OpenAiLoopback().listen();

/** Common errors, as OpenAI sends them. */
export const PROVIDER_ERRORS = {
  rateLimited: (retryAfter: number): ScriptedError => ({
    status: 429,
    retryAfter,
    type: 'requests',
    code: 'rate_limit_exceeded',
    message: 'Rate limit reached for requests.',
  }),
  server: (): ScriptedError => ({ status: 500, type: 'server_error', message: 'The server had an error while processing your request.' }),
  contextTooLong: (): ScriptedError => ({
    status: 400,
    type: 'invalid_request_error',
    code: 'context_length_exceeded',
    message: "This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens.",
  }),
};
