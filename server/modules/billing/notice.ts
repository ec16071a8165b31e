// The one billing line every member sees on every screen: past due (with the grace left), read-only, or a
// limit at 80% or more. Owners and admins follow it to the billing page; the others learn why writes fail.
import type { Context } from '../../context.js';
import { LIMIT_KINDS, type LimitKind } from './billing.config.js';
import { periodStart, usageOf } from './limits.js';
import { loadAccount, standingOf } from './standing.js';

export type NoticeKind = 'READ_ONLY' | 'PAST_DUE' | 'LIMIT_REACHED' | 'LIMIT_NEAR';

export interface BillingNotice {
  workspaceId: string;
  kind: NoticeKind;
  /** PAST_DUE: whole days before the workspace becomes read-only. */
  graceDaysLeft: number | null;
  /** LIMIT_*: the limit nearest to (or past) its allowance. */
  limit: LimitKind | null;
  percentUsed: number | null;
}

const NEAR = 0.8;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Null with billing off, or when there is nothing to say. */
export async function billingNotice(context: Context, workspaceId: string, now = new Date()): Promise<BillingNotice | null> {
  const billing = context.app.billing;
  if (!billing) return null;
  const account = await loadAccount(context.prisma, workspaceId);
  const standing = standingOf(billing.config, account, now);
  const none = { workspaceId, graceDaysLeft: null, limit: null, percentUsed: null };
  if (standing.access === 'readOnly') return { ...none, kind: 'READ_ONLY' };
  if (standing.access === 'grace') {
    return { ...none, kind: 'PAST_DUE', graceDaysLeft: Math.max(0, Math.ceil((standing.graceEndsAt!.getTime() - now.getTime()) / DAY_MS)) };
  }
  let fullest: { limit: LimitKind; share: number } | null = null;
  for (const limit of LIMIT_KINDS) {
    const allowed = standing.plan?.limits[limit];
    if (allowed == null) continue;
    const used = await usageOf(context.prisma, workspaceId, limit, { periodStart: periodStart(account, now), now });
    const share = allowed === 0 ? (used > 0 ? 1 : 0) : used / allowed;
    if (share >= NEAR && (!fullest || share > fullest.share)) fullest = { limit, share };
  }
  if (!fullest) return null;
  return { ...none, kind: fullest.share >= 1 ? 'LIMIT_REACHED' : 'LIMIT_NEAR', limit: fullest.limit, percentUsed: Math.floor(fullest.share * 100) };
}
