// AI settings from the environment. Without a key or a base URL AI is off, and every AI field says so.
import { z } from 'zod';

/** Official OpenAI, when only a key is given. */
export const OPENAI_DEFAULT_MODEL = 'gpt-4o-mini';
export const DEFAULT_MONTHLY_TOKENS = 1_000_000;
export const DEFAULT_TIMEOUT_MS = 60_000;

export const aiEnvSchema = {
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z
    .string()
    .url()
    .refine((url) => /^https?:\/\//i.test(url), { message: 'must be an http:// or https:// URL' })
    .optional(),
  AI_MODEL: z.string().max(200).optional(),
  /** Tokens (in + out) each workspace may use per calendar month (UTC); 0 means no limit. */
  AI_MONTHLY_TOKEN_BUDGET: z.coerce.number().int().min(0).optional(),
  AI_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).optional(),
};

export interface AiConfig {
  /** "none" for servers that need no key (Ollama, vLLM, LM Studio). */
  apiKey: string;
  /** Unset means api.openai.com. */
  baseUrl?: string;
  model: string;
  /** Per workspace and calendar month (UTC), tokens in + out; 0 means no limit. */
  monthlyTokenBudget: number;
  timeoutMs: number;
}

type AiEnv = { [K in keyof typeof aiEnvSchema]?: z.infer<(typeof aiEnvSchema)[K]> };

export function aiConfigFrom(e: AiEnv): AiConfig | null {
  if (!e.OPENAI_API_KEY && !e.OPENAI_BASE_URL) {
    if (e.AI_MODEL) throw new Error('Invalid environment: AI_MODEL needs OPENAI_API_KEY or OPENAI_BASE_URL (unset AI_MODEL to keep AI off).');
    return null;
  }
  if (e.OPENAI_BASE_URL && !e.AI_MODEL) {
    throw new Error('Invalid environment: AI_MODEL is required with OPENAI_BASE_URL (name the model your server serves).');
  }
  return {
    apiKey: e.OPENAI_API_KEY ?? 'none',
    baseUrl: e.OPENAI_BASE_URL?.replace(/\/$/, ''),
    model: e.AI_MODEL ?? OPENAI_DEFAULT_MODEL,
    monthlyTokenBudget: e.AI_MONTHLY_TOKEN_BUDGET ?? DEFAULT_MONTHLY_TOKENS,
    timeoutMs: e.AI_TIMEOUT_MS ?? DEFAULT_TIMEOUT_MS,
  };
}
