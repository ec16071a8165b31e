// Turning AI on for a test: the instance's provider is a loopback OpenAI-compatible server, and the
// workspace's admins have switched it on.
import type { AiConfig } from './ai.config.js';
import { startOpenAiLoopback, type OpenAiLoopback } from '../../test/openai-loopback.js';
import type { TestApp } from '../../test/test-app.js';
import { rolesFixture } from '../../test/fixtures.js';
import { adaWithHistory } from './ai.fixtures.js';

let shared: Promise<OpenAiLoopback> | null = null;

/** One loopback provider per test process. */
export const loopbackProvider = () => (shared ??= startOpenAiLoopback());

export const aiConfigFor = (provider: OpenAiLoopback, overrides: Partial<AiConfig> = {}): AiConfig => ({
  apiKey: 'sk-test-kith',
  baseUrl: provider.url,
  model: 'kith-test-model',
  monthlyTokenBudget: 0,
  timeoutMs: 5000,
  ...overrides,
});

/** Points the app at the loopback provider and turns AI on in the workspace. */
export async function turnAiOn(app: TestApp, workspaceId: string, overrides: Partial<AiConfig> = {}) {
  const provider = await loopbackProvider();
  app.services.config.ai = aiConfigFor(provider, overrides);
  await app.prisma.aiWorkspaceSetting.upsert({ where: { workspaceId }, create: { workspaceId, enabled: true }, update: { enabled: true } });
  return provider;
}

/** The Acme roles, Ada with her history and, unless `on` is false, AI switched on in the workspace. */
export async function aiWorkspace(app: TestApp, options: { on?: boolean } = {}) {
  const f = await rolesFixture(app);
  const h = await adaWithHistory(app, f);
  if (options.on !== false) await turnAiOn(app, f.workspaceId);
  return { app, f, h };
}
