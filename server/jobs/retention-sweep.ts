import type { AppServices } from '../app-services.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { backupSettings, sweepBackups } from '../db/backup.js';
import { expireOutboxEmails } from '../mail/mailer.js';
import { expireAuditLog } from '../modules/audit/audit.service.js';
import { expireWorkspaceExports } from '../modules/exports/exports.service.js';
import { sweepOrphanedFiles } from '../modules/files/orphan-sweep.js';
import { expireAbandonedUploads } from '../modules/imports/retention.js';
import { expireImportDetails } from '../modules/imports/personal-data.js';
import { requeueStalledPurges } from '../modules/privacy/overdue-purges.js';
import { purgeTrash } from '../modules/records/trash-purge.js';
import { expireUsageEvents } from '../modules/usage/usage.service.js';
import { expireAiUsage } from '../modules/ai/ai.usage.js';
import { expireBillingHistory } from '../modules/billing/invoices.js';
import { enqueueJob } from './queue.js';
import type { JobHandler } from './worker.js';

export const RETENTION_SWEEP = 'retention.sweep';
const SWEEP_EVERY_MS = 24 * 60 * 60 * 1000;

/** One sweep a day, at the next UTC midnight after `after`, whichever process enqueues it first. */
export function scheduleRetentionSweep(prisma: PrismaClient, after = Date.now()) {
  const slot = (Math.floor(after / SWEEP_EVERY_MS) + 1) * SWEEP_EVERY_MS;
  return enqueueJob(prisma, RETENTION_SWEEP, { slot }, { runAt: new Date(slot), uniqueKey: `${RETENTION_SWEEP}:${slot}` });
}

/**
 * Expires usage events, backup files, export archives and invoices past the legal period, and empties the trash, by the retention settings;
 * books again any due purge of a deleted workspace or account that has no job; then books the next sweep.
 */
export function retentionSweepHandlers(app: AppServices): Record<string, JobHandler> {
  return {
    [RETENTION_SWEEP]: async (payload: { slot: number }) => {
      const usage =
        (await expireUsageEvents(app.db.prisma, app.config.retention.usageDays)) + (await expireAiUsage(app.db.prisma, app.config.retention.usageDays));
      const backups = await sweepBackups(backupSettings(app.config));
      const outbox = await expireOutboxEmails(app.db.prisma, app.config.retention.outboxDays);
      const audit = await expireAuditLog(app.db.prisma, app.config.retention.auditDays, app.config.retention.auditNetworkDays);
      if (outbox || audit.deleted || audit.anonymised) {
        app.logger.info(
          `Retention sweep: ${outbox} outbox email(s) and ${audit.deleted} audit entries removed, ${audit.anonymised} audit entries cleared of IP and user agent`,
        );
      }
      const invoices = await expireBillingHistory(app.db.prisma, app.config.retention.billingHistoryDays);
      if (invoices) app.logger.info(`Retention sweep: ${invoices} invoice(s) past the legal period removed`);
      const exports = await expireWorkspaceExports(app);
      const uploads = await expireAbandonedUploads(app);
      if (uploads) app.logger.info(`Retention sweep: ${uploads} import upload(s) never started removed`);
      const imports = await expireImportDetails(app.db.prisma, app.config.retention.softDeletedDays);
      if (imports.failures || imports.records)
        app.logger.info(
          `Retention sweep: ${imports.failures} failed import row(s) and ${imports.records} undo record(s) of imports past the undo window removed`,
        );
      const orphans = app.config.s3 ? null : await sweepOrphanedFiles(app.db.prisma, app.config.filesDir);
      if (orphans && orphans.fragments + orphans.objects > 0) {
        app.logger.info(`Retention sweep: ${orphans.fragments} unfinished write(s) and ${orphans.objects} stored file(s) no record names removed`);
      }
      const trash = Object.entries(await purgeTrash(app)).filter(([, count]) => count > 0);
      await requeueStalledPurges(app);
      const trashed = trash.length ? `, trashed rows purged: ${trash.map(([model, count]) => `${count} ${model}`).join(', ')}` : '';
      if (usage || backups.length || exports || trashed) {
        app.logger.info(`Retention sweep: ${usage} usage event(s), ${backups.length} backup file(s), ${exports} export archive(s) removed${trashed}`);
      }
      await scheduleRetentionSweep(app.db.prisma, payload.slot);
    },
  };
}
