import type { AppServices } from '../app-services.js';
import { analyzeDueTables } from '../db/statistics.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { enqueueJob } from './queue.js';
import type { JobHandler, PeriodicTask } from './worker.js';

export const MAINTENANCE_SWEEP = 'maintenance.sweep';
const SWEEP_EVERY_MS = 60 * 60 * 1000;
/** Finished jobs are kept this long for inspection, then removed. */
const FINISHED_JOBS_KEPT_MS = 30 * 24 * 60 * 60 * 1000;

/** One sweep per hour, at the start of the hour after `after`, whichever process enqueues it first. */
export function scheduleMaintenance(prisma: PrismaClient, after = Date.now()) {
  const slot = (Math.floor(after / SWEEP_EVERY_MS) + 1) * SWEEP_EVERY_MS;
  return enqueueJob(prisma, MAINTENANCE_SWEEP, { slot }, { runAt: new Date(slot), uniqueKey: `${MAINTENANCE_SWEEP}:${slot}` });
}

/** Removes what has expired (sessions, email tokens, old finished jobs), then books the next sweep. */
export function maintenanceHandlers(prisma: PrismaClient): Record<string, JobHandler> {
  return {
    [MAINTENANCE_SWEEP]: async (payload: { slot: number }) => {
      const now = new Date();
      await prisma.session.deleteMany({ where: { expiresAt: { lte: now } } });
      await prisma.authToken.deleteMany({ where: { expiresAt: { lte: now } } });
      await prisma.job.deleteMany({
        where: { status: { in: ['DONE', 'FAILED'] }, finishedAt: { lte: new Date(now.getTime() - FINISHED_JOBS_KEPT_MS) } },
      });
      await scheduleMaintenance(prisma, payload.slot);
    },
  };
}

/** Keeps planner statistics current where no autovacuum does (embedded PGlite): a catalog read a minute when nothing is due. */
export function maintenanceTasks(app: Pick<AppServices, 'db' | 'logger'>): PeriodicTask[] {
  return [
    {
      name: 'statistics',
      everyMs: 60 * 1000,
      run: async () => {
        const analyzed = await analyzeDueTables(app.db);
        if (analyzed.length > 0) app.logger.debug(`Analyzed ${analyzed.join(', ')}`);
      },
    },
  ];
}
