import type { Email } from '../../mail/mailer.js';
import type { BillingInvoice } from '../../generated/prisma/client.js';

interface Recipient {
  email: string;
  name: string;
}

export function formatAmount(cents: number, currency: string): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);
}

const invoiceLink = (invoice: BillingInvoice) => (invoice.hostedInvoiceUrl ? `\n\nThe invoice: ${invoice.hostedInvoiceUrl}` : '');

export function receiptEmail(to: Recipient, invoice: BillingInvoice, billingPage: string): Email {
  return {
    to: to.email,
    subject: `Receipt for ${invoice.workspaceName} on Kith: ${formatAmount(invoice.amountPaid, invoice.currency)}`,
    text: `Hello ${to.name},\n\nWe received ${formatAmount(invoice.amountPaid, invoice.currency)} for the workspace "${invoice.workspaceName}"${invoice.number ? ` (invoice ${invoice.number})` : ''}. Thank you.${invoiceLink(invoice)}\n\nEvery invoice is on the billing page: ${billingPage}`,
  };
}

export function failedPaymentEmail(to: Recipient, invoice: BillingInvoice, billingPage: string): Email {
  return {
    to: to.email,
    subject: `Payment failed for ${invoice.workspaceName} on Kith`,
    text: `Hello ${to.name},\n\nThe payment of ${formatAmount(invoice.amountDue, invoice.currency)} for the workspace "${invoice.workspaceName}" did not go through. Your data stays as it is; update the payment method on the billing page so the workspace keeps working: ${billingPage}${invoiceLink(invoice)}`,
  };
}

export function usageAlertEmail(
  to: Recipient,
  workspaceName: string,
  what: string,
  threshold: number,
  used: number,
  allowed: number,
  billingPage: string,
): Email {
  const reached = threshold >= 100 ? 'has reached' : `is at ${threshold}% of`;
  return {
    to: to.email,
    subject: `${workspaceName} ${reached} its plan's ${what} on Kith`,
    text: `Hello ${to.name},\n\nThe workspace "${workspaceName}" uses ${used} of the ${allowed} ${what} its plan allows.${threshold >= 100 ? ' Creating more is refused until the plan is upgraded or usage goes down; reading, editing, exporting and deleting still work.' : ''}\n\nSee usage and plans on the billing page: ${billingPage}`,
  };
}
