import type { AppServices } from '../../app-services.js';
import type { JobHandler } from '../../jobs/worker.js';
import { invoiceEmailHandlers } from './invoices.js';
import { meteringHandlers } from './metering.js';
import { seatSyncHandlers } from './seats.js';
import { usageAlertHandlers } from './usage-alerts.js';

/** Billing's background jobs; none is ever booked while billing is off. */
export function billingHandlers(app: AppServices): Record<string, JobHandler> {
  return {
    ...invoiceEmailHandlers(app),
    ...seatSyncHandlers(app),
    ...meteringHandlers(app),
    ...usageAlertHandlers(app),
  };
}
