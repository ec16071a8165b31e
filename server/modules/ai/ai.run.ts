// One provider request with its bookkeeping: the tokens it cost (AiUsage) and an audit entry (who, which
// feature, which records, token counts; never content), whether it succeeded, failed or was cancelled.
// Nothing else is written: the output goes back to the user, who may save it through the ordinary mutations.
import type { Context } from '../../context.js';
import type { AiFeature } from '../../generated/prisma/enums.js';
import { recordAudit } from '../audit/audit.service.js';
import { AI_TOKENS } from '../billing/limits.js';
import { recordBillableUsage } from '../billing/metering.js';
import type { AiConfig } from './ai.config.js';
import { aiError, fromProviderError } from './ai.errors.js';
import { complete, streamCompletion, type ChatBody, type TokenUsage } from './ai.provider.js';

export interface AiCall {
  workspaceId: string;
  feature: AiFeature;
  /** The record the request is about, if any. */
  target: { type: string; id: string } | null;
  /** The selected items' primary keys. */
  itemIds: string[];
}

const NO_TOKENS: TokenUsage = { inputTokens: 0, outputTokens: 0 };

/** Tokens of a request that ended before the provider reported them: characters / 4, the usual rule of thumb. */
const estimate = (body: ChatBody, output: string): TokenUsage => ({
  inputTokens: Math.ceil(body.messages.reduce((n, m) => n + (m.content?.length ?? 0), 0) / 4),
  outputTokens: Math.ceil(output.length / 4),
});

async function meter(ctx: Context, call: AiCall, config: AiConfig, usage: TokenUsage, status: string, startedAt: number) {
  const durationMs = Math.round(performance.now() - startedAt);
  const userId = ctx.viewer?.user.id ?? null;
  const row = await ctx.prisma.$transaction(async (tx) => {
    const usageRow = await tx.aiUsage.create({
      data: {
        workspaceId: call.workspaceId,
        userId,
        apiKeyId: ctx.viewer?.apiKey?.id ?? null,
        feature: call.feature,
        model: config.model,
        ...usage,
        status,
        durationMs,
      },
    });
    await recordAudit(tx, ctx, {
      workspaceId: call.workspaceId,
      action: `ai.${call.feature.toLowerCase()}`,
      targetType: call.target?.type,
      targetId: call.target?.id,
      details: {
        feature: call.feature,
        model: config.model,
        itemIds: call.itemIds,
        inputTokens: usage.inputTokens,
        outputTokens: usage.outputTokens,
        status,
        durationMs,
      },
    });
    return usageRow;
  });
  // With billing on, the tokens are also usage to bill, once (keyed by the request's own row).
  const tokens = usage.inputTokens + usage.outputTokens;
  if (tokens > 0) await recordBillableUsage(ctx.app, call.workspaceId, AI_TOKENS, tokens, `ai:${row.id}`);
}

/**
 * Sends one request and reads its answer with `parse`. An answer `parse` rejects is AI_BAD_OUTPUT (its tokens
 * were still spent and are metered).
 */
export async function runCompletion<T>(
  ctx: Context,
  call: AiCall,
  config: AiConfig,
  body: ChatBody,
  parse: (content: string) => T | null,
): Promise<{ result: T; usage: TokenUsage }> {
  const startedAt = performance.now();
  let answer: { content: string; usage: TokenUsage };
  try {
    answer = await complete(config, body);
  } catch (error) {
    const mapped = await fromProviderError(error, config.model);
    await meter(ctx, call, config, NO_TOKENS, String(mapped.extensions.code), startedAt);
    throw mapped;
  }
  const result = parse(answer.content);
  if (result == null) {
    await meter(ctx, call, config, answer.usage, 'AI_BAD_OUTPUT', startedAt);
    throw aiError('AI_BAD_OUTPUT', 'The model’s answer did not have the expected form; try again.');
  }
  await meter(ctx, call, config, answer.usage, 'ok', startedAt);
  return { result, usage: answer.usage };
}

export type StreamEvent = { delta: string } | { done: true; text: string; usage: TokenUsage } | { error: Error };

/**
 * Streams the answer. The iterator's return() (the client unsubscribed) aborts the upstream request at once;
 * the request is then metered as cancelled with estimated tokens. A failure arrives as a last { error } event.
 */
export function runStream(ctx: Context, call: AiCall, config: AiConfig, body: ChatBody): AsyncIterableIterator<StreamEvent> {
  const controller = new AbortController();
  const startedAt = performance.now();
  async function* events(): AsyncGenerator<StreamEvent> {
    let text = '';
    let usage: TokenUsage | null = null;
    let status = 'cancelled';
    try {
      for await (const part of streamCompletion(config, body, controller.signal)) {
        if ('usage' in part) usage = part.usage;
        else {
          text += part.delta;
          yield { delta: part.delta };
        }
      }
      // The SDK ends an aborted stream quietly, without an error.
      if (!controller.signal.aborted) status = 'ok';
    } catch (error) {
      const mapped = await fromProviderError(error, config.model);
      status = controller.signal.aborted ? 'cancelled' : String(mapped.extensions.code);
      if (status !== 'cancelled') {
        await meter(ctx, call, config, usage ?? estimate(body, text), status, startedAt);
        yield { error: mapped };
        return;
      }
    } finally {
      if (status === 'cancelled') await meter(ctx, call, config, usage ?? estimate(body, text), status, startedAt);
    }
    if (status === 'cancelled') return;
    const finalUsage = usage ?? estimate(body, text);
    await meter(ctx, call, config, finalUsage, 'ok', startedAt);
    yield { done: true, text, usage: finalUsage };
  }
  const inner = events();
  const iterator: AsyncIterableIterator<StreamEvent> = {
    next: () => inner.next(),
    return: async () => {
      controller.abort();
      await inner.return(undefined);
      return { done: true, value: undefined };
    },
    throw: async (error: unknown) => {
      controller.abort();
      return inner.throw(error);
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
