// What the billing page shows: plan, trial, seats, usage against each limit, invoices.
import type { BillingInvoice } from '../../generated/prisma/client.js';
import type { BillingStatus } from '../../generated/prisma/enums.js';
import type { Context } from '../../context.js';
import { LIMIT_KINDS, type LimitKind, type Plan } from './billing.config.js';
import { periodStart, usageOf } from './limits.js';
import { loadAccount, standingOf, trialOffer } from './standing.js';

export const SELF_HOSTED = 'self-hosted';

export interface UsageMeter {
  workspaceId: string;
  limit: LimitKind;
  used: number;
  /** null: no limit on this plan. */
  allowed: number | null;
}

export interface BillingOverview {
  workspaceId: string;
  enabled: boolean;
  planId: string;
  planName: string;
  status: BillingStatus | null;
  readOnly: boolean;
  graceEndsAt: Date | null;
  trialEndsAt: Date | null;
  /** The trial a checkout would start now, in days; 0: none. */
  trialOffer: { daysWithCard: number; daysWithoutCard: number };
  currentPeriodEnd: Date | null;
  seatsUsed: number;
  seatsPaid: number | null;
  hasCustomer: boolean;
  usage: UsageMeter[];
  invoices: BillingInvoice[];
  plans: Plan[];
}

export async function billingOverview(context: Context, workspaceId: string): Promise<BillingOverview> {
  const billing = context.app.billing;
  const seatsUsed = await context.prisma.membership.count({ where: { workspaceId } });
  if (!billing) {
    return {
      workspaceId,
      enabled: false,
      planId: SELF_HOSTED,
      planName: 'Self-hosted',
      status: null,
      readOnly: false,
      graceEndsAt: null,
      trialEndsAt: null,
      trialOffer: { daysWithCard: 0, daysWithoutCard: 0 },
      currentPeriodEnd: null,
      seatsUsed,
      seatsPaid: null,
      hasCustomer: false,
      usage: [],
      invoices: [],
      plans: [],
    };
  }
  const account = await loadAccount(context.prisma, workspaceId);
  const standing = standingOf(billing.config, account);
  const start = periodStart(account);
  const usage: UsageMeter[] = [];
  for (const limit of LIMIT_KINDS) {
    usage.push({
      workspaceId,
      limit,
      used: limit === 'seats' ? seatsUsed : await usageOf(context.prisma, workspaceId, limit, { periodStart: start }),
      allowed: standing.plan?.limits[limit] ?? null,
    });
  }
  const invoices = await context.prisma.billingInvoice.findMany({ where: { workspaceId }, orderBy: { issuedAt: 'desc' }, take: 24 });
  return {
    workspaceId,
    enabled: true,
    planId: standing.plan?.id ?? 'none',
    planName: standing.plan?.name ?? 'No plan',
    status: standing.status,
    readOnly: standing.access === 'readOnly',
    graceEndsAt: standing.graceEndsAt,
    trialEndsAt: standing.status === 'TRIALING' ? (account?.trialEndsAt ?? null) : null,
    trialOffer: trialOffer(billing.config, account),
    currentPeriodEnd: account?.currentPeriodEnd ?? null,
    seatsUsed,
    seatsPaid: account?.seatsPaid ?? null,
    hasCustomer: Boolean(account?.stripeCustomerId),
    usage,
    invoices,
    plans: billing.config.plans,
  };
}
