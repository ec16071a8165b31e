// Coded errors of the AI features, and how provider failures map onto them.
import { GraphQLError } from 'graphql';

export type AiErrorCode =
  | 'AI_DISABLED'
  | 'AI_BUDGET_EXHAUSTED'
  | 'AI_RATE_LIMITED'
  | 'AI_TIMEOUT'
  | 'AI_CONTEXT_TOO_LONG'
  | 'AI_MODEL_MISSING'
  | 'AI_PROVIDER_ERROR'
  | 'AI_BAD_OUTPUT'
  | 'AI_CANCELLED';

export const aiError = (code: AiErrorCode, message: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extensions } });

export const aiDisabled = (why: 'instance' | 'workspace') =>
  aiError(
    'AI_DISABLED',
    why === 'instance'
      ? 'AI is not set up on this Kith instance (OPENAI_API_KEY or OPENAI_BASE_URL, and AI_MODEL).'
      : 'AI is turned off in this workspace; an admin can turn it on in the workspace settings.',
    { reason: why },
  );

export const budgetExhausted = (budget: number, used: number, resetsAt: Date) =>
  aiError(
    'AI_BUDGET_EXHAUSTED',
    `This workspace has used its AI budget for the month (${used} of ${budget} tokens); it renews on ${resetsAt.toISOString().slice(0, 10)}.`,
    {
      budget,
      used,
      resetsAt: resetsAt.toISOString(),
    },
  );

function retryAfterSeconds(headers: Headers | undefined): number {
  const value = headers?.get('retry-after');
  if (!value) return 60;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const at = Date.parse(value);
  return Number.isNaN(at) ? 60 : Math.max(1, Math.ceil((at - Date.now()) / 1000));
}

/** A provider failure as a coded error with a useful message; the provider's own text is not passed on. */
export async function fromProviderError(error: unknown, model: string): Promise<GraphQLError> {
  if (error instanceof GraphQLError) return error;
  const { default: OpenAI } = await import('openai'); // already loaded by the request that failed
  if (error instanceof OpenAI.APIUserAbortError) return aiError('AI_CANCELLED', 'The request was cancelled.');
  if (error instanceof OpenAI.APIConnectionTimeoutError)
    return aiError('AI_TIMEOUT', 'The AI provider did not answer in time. Try again, or select fewer items.');
  if (error instanceof OpenAI.RateLimitError) {
    const seconds = retryAfterSeconds(error.headers);
    return aiError('AI_RATE_LIMITED', `The AI provider is rate limiting requests; try again in ${seconds} s.`, { retryAfterSeconds: seconds });
  }
  if (error instanceof OpenAI.APIError) {
    const code = error.code ?? '';
    if (code === 'context_length_exceeded' || /context length|too many tokens|maximum context/i.test(error.message)) {
      return aiError('AI_CONTEXT_TOO_LONG', 'The selection is too long for the model; select fewer or shorter items.');
    }
    if (error instanceof OpenAI.NotFoundError || code === 'model_not_found') {
      return aiError('AI_MODEL_MISSING', `The AI provider does not serve the model "${model}"; the instance's AI_MODEL needs changing.`);
    }
    if (error instanceof OpenAI.APIConnectionError) return aiError('AI_PROVIDER_ERROR', 'The AI provider could not be reached.');
    return aiError('AI_PROVIDER_ERROR', `The AI provider failed (HTTP ${error.status ?? 'error'}); try again later.`, { providerStatus: error.status ?? null });
  }
  return aiError('AI_PROVIDER_ERROR', 'The AI provider failed; try again later.');
}
