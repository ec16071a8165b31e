// The model provider, through the official OpenAI SDK (any OpenAI-compatible server). Requests carry
// store: false, and are not retried behind the user's back: a 429 goes back to them with its retry time.
import type OpenAI from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { AiConfig } from './ai.config.js';

export interface AiMessage {
  role: 'system' | 'user';
  content: string;
}

export interface JsonSchemaFormat {
  name: string;
  schema: Record<string, unknown>;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** The request body, exactly as it is sent (less `stream` fields for a streamed request). */
export type ChatBody = ChatCompletionCreateParamsNonStreaming & { messages: AiMessage[] };

export function chatBody(config: AiConfig, messages: AiMessage[], options: { maxTokens: number; format?: JsonSchemaFormat }): ChatBody {
  return {
    model: config.model,
    messages,
    store: false,
    max_tokens: options.maxTokens,
    ...(options.format
      ? { response_format: { type: 'json_schema' as const, json_schema: { name: options.format.name, schema: options.format.schema, strict: true } } }
      : {}),
  };
}

const clients = new WeakMap<AiConfig, OpenAI>();

/** The SDK is loaded on the first AI request: most instances never make one. */
async function clientFor(config: AiConfig): Promise<OpenAI> {
  let client = clients.get(config);
  if (!client) {
    const { default: OpenAI } = await import('openai');
    client = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseUrl, maxRetries: 0, timeout: config.timeoutMs });
    clients.set(config, client);
  }
  return client;
}

const usageOf = (usage: OpenAI.CompletionUsage | null | undefined): TokenUsage => ({
  inputTokens: usage?.prompt_tokens ?? 0,
  outputTokens: usage?.completion_tokens ?? 0,
});

export async function complete(config: AiConfig, body: ChatBody, signal?: AbortSignal): Promise<{ content: string; usage: TokenUsage }> {
  const completion = await (await clientFor(config)).chat.completions.create({ ...body, messages: body.messages }, { signal });
  return { content: completion.choices[0]?.message?.content ?? '', usage: usageOf(completion.usage) };
}

export type StreamPart = { delta: string } | { usage: TokenUsage };

/** Text as it is generated, then the token counts (when the provider reports them). Aborting the signal ends the upstream request. */
export async function* streamCompletion(config: AiConfig, body: ChatBody, signal: AbortSignal): AsyncGenerator<StreamPart> {
  const stream = await (
    await clientFor(config)
  ).chat.completions.create({ ...body, messages: body.messages, stream: true, stream_options: { include_usage: true } }, { signal });
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta?.content;
    if (delta) yield { delta };
    if (chunk.usage) yield { usage: usageOf(chunk.usage) };
  }
}

/** The models the provider serves (GET /models), for the admin's settings page. */
export async function listModels(config: AiConfig): Promise<string[]> {
  const page = await (await clientFor(config)).models.list();
  return page.data.map((model) => model.id);
}
