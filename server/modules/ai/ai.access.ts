// Whether AI may run for a workspace now: the instance has a provider, the workspace's admins turned it
// on, and the month's budget is not spent.
import type { Context } from '../../context.js';
import type { AiConfig } from './ai.config.js';
import { aiDisabled, budgetExhausted } from './ai.errors.js';
import { aiTokensInMonth, monthOf, type MonthlyTokens } from './ai.usage.js';
import { assertAiTokensAvailable } from '../billing/metering.js';

export interface WorkspaceAiState {
  workspaceId: string;
  /** The instance has a provider configured. */
  available: boolean;
  /** The workspace's admins turned AI on. */
  enabled: boolean;
  model: string | null;
  /** Tokens a month; 0 means no limit. */
  monthlyTokenBudget: number;
  used: MonthlyTokens;
  resetsAt: Date;
}

export async function workspaceAiState(ctx: Context, workspaceId: string): Promise<WorkspaceAiState> {
  const config = ctx.app.config.ai;
  const setting = await ctx.prisma.aiWorkspaceSetting.findUnique({ where: { workspaceId } });
  return {
    workspaceId,
    available: config != null,
    enabled: config != null && setting?.enabled === true,
    model: config?.model ?? null,
    monthlyTokenBudget: setting?.monthlyTokenBudget ?? config?.monthlyTokenBudget ?? 0,
    used: await aiTokensInMonth(ctx.prisma, workspaceId),
    resetsAt: monthOf().to,
  };
}

/** The provider config when the instance has one; AI_DISABLED otherwise. */
export function instanceAi(ctx: Context): AiConfig {
  const config = ctx.app.config.ai;
  if (!config) throw aiDisabled('instance');
  return config;
}

/** The provider config if this workspace may send a request now; AI_DISABLED or AI_BUDGET_EXHAUSTED otherwise. */
export async function requireAi(ctx: Context, workspaceId: string): Promise<AiConfig> {
  const config = instanceAi(ctx);
  const state = await workspaceAiState(ctx, workspaceId);
  if (!state.enabled) throw aiDisabled('workspace');
  if (state.monthlyTokenBudget > 0 && state.used.total >= state.monthlyTokenBudget) {
    throw budgetExhausted(state.monthlyTokenBudget, state.used.total, state.resetsAt);
  }
  // With billing on, the plan's monthly allowance counts too (PLAN_LIMIT once it is used up).
  await assertAiTokensAvailable(ctx.app, workspaceId, 1);
  return config;
}
