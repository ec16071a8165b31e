// Billing history: Stripe invoices copied into BillingInvoice (kept after the workspace is purged), and
// receipts and failed-payment notices mailed to the workspace's owners from the job queue.
import type Stripe from 'stripe';
import type { AppServices } from '../../app-services.js';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { JobHandler } from '../../jobs/worker.js';
import { sendOrLog } from '../../mail/mailer.js';
import { expiredBefore } from '../../retention.js';
import { failedPaymentEmail, receiptEmail } from './billing-emails.js';

type Tx = Prisma.TransactionClient;
export const INVOICE_EMAIL = 'billing.invoiceEmail';

const fromUnix = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

/** Whose history an invoice joins: a workspace, with its name as the invoice keeps it. */
export interface InvoiceOwner {
  workspaceId: string;
  workspaceName: string;
}

/** Copies an invoice; the workspace's name is kept with it, for the records that outlive the workspace. */
export async function storeInvoice(tx: Tx, owner: string | InvoiceOwner, invoice: Stripe.Invoice) {
  if (!invoice.id) return null;
  const { workspaceId, workspaceName } =
    typeof owner === 'string'
      ? { workspaceId: owner, workspaceName: (await tx.workspace.findUnique({ where: { id: owner }, select: { name: true } }))?.name ?? '' }
      : owner;
  const facts = {
    number: invoice.number ?? null,
    status: invoice.status ?? 'draft',
    currency: invoice.currency,
    amountDue: invoice.amount_due,
    amountPaid: invoice.amount_paid,
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    invoicePdf: invoice.invoice_pdf ?? null,
    periodStart: fromUnix(invoice.period_start),
    periodEnd: fromUnix(invoice.period_end),
    paidAt: fromUnix(invoice.status_transitions?.paid_at),
  };
  const customer = typeof invoice.customer === 'string' ? invoice.customer : (invoice.customer?.id ?? '');
  return tx.billingInvoice.upsert({
    where: { id: invoice.id },
    create: { id: invoice.id, workspaceId, workspaceName, stripeCustomerId: customer, issuedAt: fromUnix(invoice.created) ?? new Date(), ...facts },
    update: facts,
  });
}

/**
 * The purged workspace whose kept history names this Stripe customer. Stripe can still send an invoice after the
 * purge (the final one of a cancelled subscription, a credit note's correction): it joins that history.
 */
export async function purgedOwnerOf(tx: Tx, stripeCustomerId: string): Promise<InvoiceOwner | null> {
  const earlier = await tx.billingInvoice.findFirst({
    where: { stripeCustomerId },
    orderBy: { issuedAt: 'desc' },
    select: { workspaceId: true, workspaceName: true },
  });
  if (!earlier) return null;
  const live = await tx.workspace.findUnique({ where: { id: earlier.workspaceId }, select: { id: true } });
  return live ? null : earlier;
}

/** Deletes invoices issued before the legal period (RETENTION_BILLING_HISTORY_DAYS), whether or not their workspace still exists. */
export async function expireBillingHistory(prisma: Pick<PrismaClient, 'billingInvoice'>, days: number, now = new Date()): Promise<number> {
  const { count } = await prisma.billingInvoice.deleteMany({ where: { issuedAt: { lt: expiredBefore(days, now) } } });
  return count;
}

/** Books the receipt or notice for an invoice event; the event ID makes a redelivery book nothing more. */
export function enqueueInvoiceEmail(tx: Tx, kind: 'receipt' | 'failed', invoiceId: string, stripeEventId: string) {
  return enqueueJob(tx, INVOICE_EMAIL, { kind, invoiceId }, { uniqueKey: `${INVOICE_EMAIL}:${stripeEventId}` });
}

/** The owners of a workspace, to whom billing mail goes. */
export async function ownersOf(app: AppServices, workspaceId: string) {
  const rows = await app.db.prisma.membership.findMany({
    where: { workspaceId, role: 'OWNER' },
    select: { user: { select: { id: true, email: true, name: true } } },
  });
  return rows.map((row) => row.user);
}

export function invoiceEmailHandlers(app: AppServices): Record<string, JobHandler> {
  return {
    [INVOICE_EMAIL]: async ({ kind, invoiceId }: { kind: 'receipt' | 'failed'; invoiceId: string }) => {
      const invoice = await app.db.prisma.billingInvoice.findUnique({ where: { id: invoiceId } });
      if (!invoice) return;
      const link = `${app.config.publicUrl}/settings/billing`;
      for (const owner of await ownersOf(app, invoice.workspaceId)) {
        const email = kind === 'receipt' ? receiptEmail(owner, invoice, link) : failedPaymentEmail(owner, invoice, link);
        await sendOrLog(app.mailer, app.logger, { ...email, workspaceId: invoice.workspaceId, userId: owner.id });
      }
    },
  };
}
