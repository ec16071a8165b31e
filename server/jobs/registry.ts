import type { AppServices } from '../app-services.js';
import { billingHandlers } from '../modules/billing/billing.jobs.js';
import { exportHandlers } from '../modules/exports/exports.service.js';
import { importHandlers } from '../modules/imports/run-import.js';
import { userPurgeHandlers } from '../modules/privacy/account-privacy.service.js';
import { workspacePurgeHandlers } from '../modules/privacy/workspace-purge.js';
import { webhookHandlers } from '../modules/webhooks/webhooks.service.js';
import { maintenanceHandlers } from './maintenance.js';
import { retentionSweepHandlers } from './retention-sweep.js';
import type { JobHandler } from './worker.js';

/** Every kind of background job the server runs. A feature adds its handlers here (one line each). */
export function jobHandlers(app: AppServices): Record<string, JobHandler> {
  return {
    ...maintenanceHandlers(app.db.prisma),
    ...workspacePurgeHandlers(app),
    ...userPurgeHandlers(app),
    ...webhookHandlers(app),
    ...exportHandlers(app),
    ...importHandlers(app),
    ...retentionSweepHandlers(app),
    ...billingHandlers(app),
  };
}
