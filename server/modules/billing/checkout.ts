// Starting a subscription (Stripe Checkout, owners), managing it (Stripe's customer portal), and reading
// the subscription back when the customer returns from Checkout, before the webhook arrives.
import type Stripe from 'stripe';
import type { Context } from '../../context.js';
import { badInput, notFound } from '../../errors.js';
import { planById, type Plan } from './billing.config.js';
import { callStripe, type Billing } from './billing.service.js';
import { loadAccount, trialOffer } from './standing.js';
import { applySubscription, recordBillingChange } from './subscription-state.js';

const LIVE = new Set(['TRIALING', 'ACTIVE', 'PAST_DUE', 'UNPAID']);

export const billingPage = (context: Context) => `${context.app.config.publicUrl}/settings/billing`;

/** The workspace's Stripe customer, created once (the idempotency key makes a concurrent second call return the same one). */
async function customerFor(context: Context, billing: Billing, workspaceId: string): Promise<string> {
  const account = await loadAccount(context.prisma, workspaceId);
  if (account?.stripeCustomerId) return account.stripeCustomerId;
  const workspace = await context.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { name: true } });
  const customer = await callStripe(context.app.logger, 'creating a customer', () =>
    billing.stripe.customers.create(
      { name: workspace.name, email: context.viewer?.user.email, metadata: { workspaceId } },
      { idempotencyKey: `kith-customer-${workspaceId}` },
    ),
  );
  await context.prisma.billingAccount.upsert({
    where: { workspaceId },
    create: { workspaceId, stripeCustomerId: customer.id },
    update: { stripeCustomerId: customer.id },
  });
  return customer.id;
}

function lineItems(plan: Plan, seats: number): Stripe.Checkout.SessionCreateParams.LineItem[] {
  return [
    ...(plan.prices.base ? [{ price: plan.prices.base, quantity: 1 }] : []),
    ...(plan.prices.seat ? [{ price: plan.prices.seat, quantity: Math.max(1, seats) }] : []),
    // Metered: Stripe takes no quantity; meter events fill it.
    ...(plan.prices.aiTokens ? [{ price: plan.prices.aiTokens }] : []),
  ];
}

export async function startCheckout(context: Context, billing: Billing, workspaceId: string, planId: string, withCard: boolean): Promise<string> {
  const plan = planById(billing.config, planId);
  if (!plan || plan.free) throw badInput('Choose one of the paid plans.', 'planId');
  const account = await loadAccount(context.prisma, workspaceId);
  if (account && LIVE.has(account.status)) throw badInput('This workspace already has a subscription; change it in the customer portal.');
  const offer = trialOffer(billing.config, account);
  const trialDays = withCard ? offer.daysWithCard : offer.daysWithoutCard;
  if (!withCard && trialDays === 0) throw badInput('A card is needed to start this plan.', 'withCard');
  const customer = await customerFor(context, billing, workspaceId);
  const seats = await context.prisma.membership.count({ where: { workspaceId } });
  const page = billingPage(context);
  const metadata = { workspaceId, planId: plan.id };
  const session = await callStripe(context.app.logger, 'creating a checkout session', () =>
    billing.stripe.checkout.sessions.create({
      mode: 'subscription',
      customer,
      client_reference_id: workspaceId,
      metadata,
      line_items: lineItems(plan, seats),
      subscription_data: {
        metadata,
        ...(trialDays > 0 ? { trial_period_days: trialDays } : {}),
        // Without a card only during a trial; Stripe then cancels the subscription if none is added by its end.
        ...(!withCard ? { trial_settings: { end_behavior: { missing_payment_method: 'cancel' as const } } } : {}),
      },
      payment_method_collection: withCard ? 'always' : 'if_required',
      success_url: `${page}?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${page}?checkout=cancelled`,
    }),
  );
  if (!session.url) throw new Error('Stripe returned a checkout session without a URL');
  await context.prisma.$transaction((tx) =>
    recordBillingChange(tx, context, workspaceId, 'checkout_started', { planId: plan.id, trialDays, checkoutSessionId: session.id }),
  );
  return session.url;
}

export async function openPortal(context: Context, billing: Billing, workspaceId: string): Promise<string> {
  const account = await loadAccount(context.prisma, workspaceId);
  if (!account?.stripeCustomerId) throw badInput('This workspace has no Stripe customer yet: start a subscription first.');
  const customer = account.stripeCustomerId;
  const session = await callStripe(context.app.logger, 'opening the customer portal', () =>
    billing.stripe.billingPortal.sessions.create({ customer, return_url: billingPage(context) }),
  );
  return session.url;
}

/**
 * The customer is back from Checkout: read the session and its subscription from Stripe and apply them now,
 * so the page shows the new plan without waiting for the webhook (which then changes nothing).
 */
export async function completeCheckout(context: Context, billing: Billing, workspaceId: string, sessionId: string): Promise<void> {
  if (!/^cs_[A-Za-z0-9_]{1,200}$/.test(sessionId)) throw badInput('This is not a checkout session ID.', 'sessionId');
  const session = await callStripe(context.app.logger, 'reading a checkout session', () =>
    billing.stripe.checkout.sessions.retrieve(sessionId).catch((error: unknown) => {
      if ((error as { statusCode?: number }).statusCode === 404) return null;
      throw error;
    }),
  );
  if (!session || session.client_reference_id !== workspaceId) throw notFound('Checkout session');
  if (session.status !== 'complete' || !session.subscription) return;
  const subscriptionId = typeof session.subscription === 'string' ? session.subscription : session.subscription.id;
  const subscription = await callStripe(context.app.logger, 'reading a subscription', () => billing.stripe.subscriptions.retrieve(subscriptionId));
  await context.prisma.$transaction((tx) => applySubscription(tx, context, billing.config, workspaceId, subscription, new Date(), { via: 'checkout_return' }));
}
