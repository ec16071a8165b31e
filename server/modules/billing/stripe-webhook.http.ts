// POST /webhooks/stripe: the signature is verified over the raw body (Stripe's library, with its timestamp
// tolerance, so a replay of an old delivery is refused); each event ID is handled once, in the same
// transaction as its effects, so a redelivery is acknowledged without effect and a failure is retried by Stripe.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Stripe from 'stripe';
import type { AppServices } from '../../app-services.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { clientIp } from '../../http/request-context.js';
import { readBody } from '../../http/read-body.js';
import type { RequestRateLimiter } from '../../http/protection/rate-limit.js';
import { publishPending } from '../activity-events/publish.js';
import type { Billing } from './billing.service.js';
import { enqueueInvoiceEmail, purgedOwnerOf, storeInvoice } from './invoices.js';
import { applySubscription, recordBillingChange } from './subscription-state.js';

/** Stripe's events are a few kilobytes; a megabyte leaves room and no more. */
const MAX_EVENT_BYTES = 1024 * 1024;

type Tx = Prisma.TransactionClient;

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
}

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : (value?.id ?? null));

/** The workspace an object belongs to: Kith's metadata first, then the stored customer or subscription. */
async function workspaceFor(tx: Tx, refs: { workspaceId?: string | null; customer?: string | null; subscription?: string | null }): Promise<string | null> {
  const or: Prisma.BillingAccountWhereInput[] = [];
  if (refs.workspaceId && /^[0-9a-f-]{36}$/i.test(refs.workspaceId)) {
    const workspace = await tx.workspace.findUnique({ where: { id: refs.workspaceId }, select: { id: true } });
    if (workspace) return workspace.id;
  }
  if (refs.subscription) or.push({ stripeSubscriptionId: refs.subscription });
  if (refs.customer) or.push({ stripeCustomerId: refs.customer });
  if (or.length === 0) return null;
  const account = await tx.billingAccount.findFirst({ where: { OR: or }, select: { workspaceId: true } });
  return account?.workspaceId ?? null;
}

/** What one event does; events Kith does not use are recorded (so a redelivery stays cheap) and ignored. */
async function handleEvent(tx: Tx, sink: object, billing: Billing, event: Stripe.Event): Promise<void> {
  const observedAt = new Date(event.created * 1000);
  switch (event.type) {
    case 'checkout.session.completed': {
      const session = event.data.object;
      const workspaceId = await workspaceFor(tx, { workspaceId: session.client_reference_id ?? session.metadata?.workspaceId });
      const customer = idOf(session.customer);
      if (!workspaceId || !customer) return;
      await tx.billingAccount.upsert({ where: { workspaceId }, create: { workspaceId, stripeCustomerId: customer }, update: { stripeCustomerId: customer } });
      await recordBillingChange(tx, sink, workspaceId, 'checkout_completed', { checkoutSessionId: session.id, stripeEventId: event.id });
      return;
    }
    case 'checkout.session.expired': {
      // An abandoned checkout changes no state: the workspace stays on what it had.
      const session = event.data.object;
      const workspaceId = await workspaceFor(tx, { workspaceId: session.client_reference_id ?? session.metadata?.workspaceId });
      if (workspaceId) await recordBillingChange(tx, sink, workspaceId, 'checkout_expired', { checkoutSessionId: session.id, stripeEventId: event.id });
      return;
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
    case 'customer.subscription.paused':
    case 'customer.subscription.resumed': {
      const subscription = event.data.object;
      const workspaceId = await workspaceFor(tx, {
        workspaceId: subscription.metadata?.workspaceId,
        subscription: subscription.id,
        customer: idOf(subscription.customer),
      });
      if (!workspaceId) return;
      await applySubscription(tx, sink, billing.config, workspaceId, subscription, observedAt, { via: 'webhook', stripeEventId: event.id });
      return;
    }
    case 'invoice.created':
    case 'invoice.finalized':
    case 'invoice.updated':
    case 'invoice.voided':
    case 'invoice.marked_uncollectible':
    case 'invoice.paid':
    case 'invoice.payment_failed': {
      const invoice = event.data.object;
      const customer = idOf(invoice.customer);
      const workspaceId = await workspaceFor(tx, { customer });
      if (!workspaceId) {
        // After the purge: kept with the workspace's history, and nobody is left to mail.
        const purged = customer ? await purgedOwnerOf(tx, customer) : null;
        if (purged) await storeInvoice(tx, purged, invoice);
        return;
      }
      const stored = await storeInvoice(tx, workspaceId, invoice);
      if (!stored) return;
      if (event.type === 'invoice.paid' && invoice.amount_paid > 0) await enqueueInvoiceEmail(tx, 'receipt', stored.id, event.id);
      if (event.type === 'invoice.payment_failed') {
        await enqueueInvoiceEmail(tx, 'failed', stored.id, event.id);
        await recordBillingChange(tx, sink, workspaceId, 'payment_failed', { invoiceId: stored.id, stripeEventId: event.id });
      }
      return;
    }
    default:
      return;
  }
}

export async function handleStripeWebhook(app: AppServices, req: IncomingMessage, res: ServerResponse, rateLimiter?: RequestRateLimiter) {
  const billing = app.billing;
  if (!billing) return reply(res, 404, { error: 'Not found' });
  if (req.method !== 'POST') return reply(res, 405, { error: 'Method not allowed' });
  const ip = clientIp(app, { req });
  const budget = await rateLimiter?.checkFailedAuth(ip);
  if (budget && !budget.allowed) return reply(res, 429, { error: 'Too many failed signatures' });
  const body = await readBody(req, MAX_EVENT_BYTES);
  if (!body) return reply(res, 413, { error: 'Event too large' });
  const signature = req.headers['stripe-signature'];
  let event: Stripe.Event;
  try {
    if (typeof signature !== 'string') throw new Error('no signature');
    event = billing.stripe.webhooks.constructEvent(body, signature, billing.config.webhookSecret, billing.config.webhookToleranceSeconds);
  } catch {
    await rateLimiter?.recordFailedAuth(ip);
    return reply(res, 400, { error: 'The Stripe-Signature does not match this body, or its timestamp is outside the tolerance.' });
  }
  const sink = {};
  try {
    const handled = await app.db.prisma.$transaction(async (tx) => {
      const fresh = await tx.stripeEvent.createMany({ data: [{ id: event.id, type: event.type }], skipDuplicates: true });
      if (fresh.count === 0) return false;
      await handleEvent(tx, sink, billing, event);
      return true;
    });
    await publishPending(app, sink);
    return reply(res, 200, { received: true, duplicate: !handled });
  } catch (error) {
    app.logger.error(`Stripe webhook ${event.type} ${event.id} failed: ${error instanceof Error ? error.message : String(error)}`);
    return reply(res, 500, { error: 'Not handled; Stripe will retry.' });
  }
}
