/**
 * Billing history outlives its workspace: the purge of a deleted workspace leaves these tables' rows (invoices
 * with amounts and dates, which hosts must keep for their legal period) and removes everything else.
 */
export const KEPT_AFTER_WORKSPACE_PURGE: ReadonlySet<string> = new Set(['BillingInvoice']);
