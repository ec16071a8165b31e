// What a workspace's subscription allows right now: its plan and whether it may write. One rule, read by
// the limits (limits.ts), the billing page and the usage alerts.
import type { BillingAccount, PrismaClient, Prisma } from '../../generated/prisma/client.js';
import type { BillingStatus } from '../../generated/prisma/enums.js';
import { freePlan, planById, type BillingConfig, type Plan } from './billing.config.js';

type Db = Pick<PrismaClient | Prisma.TransactionClient, 'billingAccount'>;

export type Access =
  /** Works as the plan allows. */
  | 'full'
  /** past_due within the grace period: works as before, with a warning. */
  | 'grace'
  /** unpaid, past_due beyond the grace, or no subscription and no free plan: read, export and delete only. */
  | 'readOnly';

export interface Standing {
  status: BillingStatus;
  plan: Plan | null;
  access: Access;
  /** When a past_due workspace becomes read-only. */
  graceEndsAt: Date | null;
}

export const NO_ACCOUNT = { status: 'NONE', planId: null, pastDueSince: null } as const;
type AccountFacts = Pick<BillingAccount, 'status' | 'planId' | 'pastDueSince'>;

/** A subscription in these states carries its plan; any other state falls back to the free plan. */
const SUBSCRIBED: BillingStatus[] = ['TRIALING', 'ACTIVE', 'PAST_DUE', 'UNPAID'];

export function standingOf(config: BillingConfig, account: AccountFacts | null, now = new Date()): Standing {
  const facts = account ?? NO_ACCOUNT;
  const subscribed = SUBSCRIBED.includes(facts.status);
  const plan = subscribed ? (planById(config, facts.planId) ?? freePlan(config)) : freePlan(config);
  if (facts.status === 'UNPAID') return { status: facts.status, plan, access: 'readOnly', graceEndsAt: null };
  if (facts.status === 'PAST_DUE') {
    const since = facts.pastDueSince ?? now;
    const graceEndsAt = new Date(since.getTime() + config.pastDueGraceDays * 24 * 60 * 60 * 1000);
    return { status: facts.status, plan, access: graceEndsAt > now ? 'grace' : 'readOnly', graceEndsAt };
  }
  return { status: facts.status, plan, access: plan ? 'full' : 'readOnly', graceEndsAt: null };
}

export function loadAccount(db: Db, workspaceId: string) {
  return db.billingAccount.findUnique({ where: { workspaceId } });
}

/** The trial a checkout would start, in days (0: none): one per workspace, so a workspace that had a subscription pays at once. */
export function trialOffer(config: BillingConfig, account: { stripeSubscriptionId: string | null } | null) {
  const first = !account?.stripeSubscriptionId;
  return { daysWithCard: first ? config.trial.daysWithCard : 0, daysWithoutCard: first ? config.trial.daysWithoutCard : 0 };
}
