// Seats follow membership: a change of members books a sync in the same transaction, and the job sets the
// subscription's seat quantity to the member count (an absolute value, so a retry or a second job is harmless;
// Stripe prorates the change as the subscription is set to).
import type { AppServices } from '../../app-services.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { JobHandler } from '../../jobs/worker.js';
import type { Billing } from './billing.service.js';
import { seatItemOf } from './subscription-state.js';

export const SEAT_SYNC = 'billing.syncSeats';
const LIVE = ['TRIALING', 'ACTIVE', 'PAST_DUE', 'UNPAID'] as const;

/** Call in the transaction that added or removed a member; nothing with billing off. */
export async function queueSeatSync(billing: Billing | null, tx: Prisma.TransactionClient, workspaceId: string): Promise<void> {
  if (!billing) return;
  await enqueueJob(tx, SEAT_SYNC, { workspaceId });
}

export function seatSyncHandlers(app: AppServices): Record<string, JobHandler> {
  return {
    [SEAT_SYNC]: async ({ workspaceId }: { workspaceId: string }) => {
      const billing = app.billing;
      if (!billing) return;
      const prisma = app.db.prisma;
      const account = await prisma.billingAccount.findUnique({ where: { workspaceId } });
      if (!account?.stripeSubscriptionId || !(LIVE as readonly string[]).includes(account.status)) return;
      const seats = Math.max(1, await prisma.membership.count({ where: { workspaceId } }));
      const subscription = await billing.stripe.subscriptions.retrieve(account.stripeSubscriptionId);
      const item = seatItemOf(billing.config, subscription);
      if (!item) return;
      if (item.quantity !== seats) {
        await billing.stripe.subscriptionItems.update(
          item.id,
          { quantity: seats, proration_behavior: 'create_prorations' },
          { idempotencyKey: `kith-seats-${item.id}-${seats}-${Date.now()}` },
        );
      }
      await prisma.billingAccount.update({ where: { workspaceId }, data: { seatsPaid: seats } });
    },
  };
}
