// The subscription state machine: a Stripe subscription (from a webhook or read back after checkout)
// becomes the workspace's BillingAccount. Facts older than those applied are ignored, so a late or
// redelivered event never regresses the state; every change of status is an activity event and an audit entry.
import type Stripe from 'stripe';
import type { Prisma } from '../../generated/prisma/client.js';
import type { BillingStatus } from '../../generated/prisma/enums.js';
import type { Context } from '../../context.js';
import { actorOf, recordEvent, type EventSink } from '../activity-events/record-event.js';
import type { BillingConfig } from './billing.config.js';

type Tx = Prisma.TransactionClient;

const STATUS: Record<Stripe.Subscription.Status, BillingStatus> = {
  trialing: 'TRIALING',
  active: 'ACTIVE',
  past_due: 'PAST_DUE',
  unpaid: 'UNPAID',
  canceled: 'CANCELED',
  incomplete: 'INCOMPLETE',
  // The first payment never completed: the checkout is over, without a subscription.
  incomplete_expired: 'CANCELED',
  // A trial ended without a payment method: nothing is billed, so nothing new is created either.
  paused: 'UNPAID',
};

export const toUnix = (date: Date) => Math.floor(date.getTime() / 1000);
const fromUnix = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);
const idOf = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : (value?.id ?? null));

/** The plan a subscription is on: the one Kith named in its metadata, else the one whose price it carries. */
export function planOfSubscription(config: BillingConfig, subscription: Stripe.Subscription): string | null {
  const named = subscription.metadata?.planId;
  if (named && config.plans.some((plan) => plan.id === named)) return named;
  const prices = new Set(subscription.items.data.map((item) => item.price.id));
  return config.plans.find((plan) => (plan.prices.base && prices.has(plan.prices.base)) || (plan.prices.seat && prices.has(plan.prices.seat)))?.id ?? null;
}

export function seatItemOf(config: BillingConfig, subscription: Stripe.Subscription): Stripe.SubscriptionItem | null {
  const seatPrices = new Set(config.plans.map((plan) => plan.prices.seat).filter(Boolean));
  return subscription.items.data.find((item) => seatPrices.has(item.price.id)) ?? null;
}

export interface AppliedChange {
  workspaceId: string;
  from: BillingStatus;
  to: BillingStatus;
}

/**
 * Applies a subscription's state to its workspace's account inside `tx`. `observedAt` is when Stripe
 * stated it (the event's `created`): anything older than the last applied fact is ignored. Returns the
 * status change, or null when nothing changed or the facts were stale.
 */
export async function applySubscription(
  tx: Tx,
  sink: EventSink,
  config: BillingConfig,
  workspaceId: string,
  subscription: Stripe.Subscription,
  observedAt: Date,
  source: { stripeEventId?: string; via: 'webhook' | 'checkout_return' },
): Promise<AppliedChange | null> {
  await tx.billingAccount.upsert({ where: { workspaceId }, create: { workspaceId }, update: {} });
  const [account] = await tx.$queryRaw<
    Array<{ status: BillingStatus; lastEventAt: Date | null; pastDueSince: Date | null; stripeSubscriptionId: string | null }>
  >`
    SELECT status, "lastEventAt", "pastDueSince", "stripeSubscriptionId" FROM "BillingAccount" WHERE "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
  if (!account) return null;
  if (account.lastEventAt && observedAt < account.lastEventAt) return null;
  const to = STATUS[subscription.status] ?? 'INCOMPLETE';
  // A subscription that ended does not replace a newer live one (after a re-subscription).
  if (account.stripeSubscriptionId && account.stripeSubscriptionId !== subscription.id && to === 'CANCELED') return null;
  const item = subscription.items.data[0];
  const seatItem = seatItemOf(config, subscription);
  const legacy = subscription as unknown as { current_period_start?: number; current_period_end?: number };
  await tx.billingAccount.update({
    where: { workspaceId },
    data: {
      stripeCustomerId: idOf(subscription.customer),
      stripeSubscriptionId: subscription.id,
      planId: planOfSubscription(config, subscription),
      status: to,
      seatsPaid: seatItem?.quantity ?? null,
      trialEndsAt: fromUnix(subscription.trial_end),
      currentPeriodStart: fromUnix(item?.current_period_start ?? legacy.current_period_start),
      currentPeriodEnd: fromUnix(item?.current_period_end ?? legacy.current_period_end),
      pastDueSince: to === 'PAST_DUE' ? (account.status === 'PAST_DUE' && account.pastDueSince ? account.pastDueSince : observedAt) : null,
      lastEventAt: observedAt,
    },
  });
  if (account.status === to) return null;
  const change = { workspaceId, from: account.status, to };
  await recordBillingChange(tx, sink, workspaceId, 'status_changed', {
    from: account.status,
    to,
    planId: planOfSubscription(config, subscription),
    via: source.via,
    ...(source.stripeEventId ? { stripeEventId: source.stripeEventId } : {}),
  });
  return change;
}

/**
 * One billing fact for the workspace's feed (readers with billing:manage) and its audit log. The actor is the
 * request's viewer when a person caused it (a checkout); Stripe's webhooks have none.
 */
export async function recordBillingChange(
  tx: Tx,
  sink: EventSink & Partial<Pick<Context, 'viewer' | 'request'>>,
  workspaceId: string,
  verb: string,
  details: Record<string, string | number | null>,
) {
  await recordEvent(tx, sink, { workspaceId, verb: `billing_${verb}`, entityType: 'Billing', entityId: workspaceId, changes: details });
  const actor = actorOf({ viewer: sink.viewer ?? null });
  await tx.auditLogEntry.create({
    data: {
      workspaceId,
      action: `billing.${verb}`,
      targetType: 'Workspace',
      targetId: workspaceId,
      details,
      actorUserId: actor.userId,
      actorApiKeyId: actor.apiKeyId,
      ip: sink.request?.ip || null,
      userAgent: sink.request?.userAgent ?? null,
    },
  });
}
