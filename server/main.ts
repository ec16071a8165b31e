import { createAppServices } from './app-services.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { applyMigrations, readMigrations } from './db/migrations.js';
import { migratedSnapshot } from './db/pglite-snapshot.js';
import { afterMigrations } from './db/statistics.js';
import { createKithServer } from './http/server.js';
import { reapplyDeletionLedger } from './modules/privacy/reapply-deletions.js';
import { maintenanceTasks, scheduleMaintenance } from './jobs/maintenance.js';
import { scheduleRetentionSweep } from './jobs/retention-sweep.js';
import { scheduleUsageAlerts } from './modules/billing/usage-alerts.js';
import { jobHandlers } from './jobs/registry.js';
import { JobWorker } from './jobs/worker.js';
import { startChannels } from './modules/channels/start.js';

const config = loadConfig();
const migrations = await readMigrations();
const db = await openDatabase({ url: config.databaseUrl, dataDir: config.pgliteDir, newDataFrom: () => migratedSnapshot(migrations) });
const app = createAppServices(config, db);
if (db.fromSnapshot) app.logger.info(`Created the embedded database from the snapshot of ${migrations.length} migrations`);
const applied = await applyMigrations(db.sql, migrations);
if (applied.length > 0) app.logger.info(`Applied migrations: ${applied.join(', ')}`);
await afterMigrations(db, applied);
// After a restore, what was purged or erased since the backup is deleted again before anyone can reach it.
await reapplyDeletionLedger(app);

const jobs = new JobWorker(db.prisma, jobHandlers(app), { logger: app.logger, periodic: maintenanceTasks(app) });
await scheduleMaintenance(db.prisma);
await scheduleRetentionSweep(db.prisma);
if (app.billing) await scheduleUsageAlerts(db.prisma);
jobs.start();

const kith = createKithServer(app);
const port = await kith.listen(config.port, config.host);
const where = config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.pgliteDir}`;
app.logger.info(`Kith is listening on http://${config.host}:${port}/graphql (database: ${where})`);
const channels = await startChannels(app);

// A process manager sends SIGTERM, waits, then kills: what is in flight gets until the deadline to finish.
const SHUTDOWN_DEADLINE_MS = 20_000;
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.logger.info(`${signal} received, closing HTTP, WebSocket, jobs and database`);
  setTimeout(() => {
    app.logger.error(`Shutdown took longer than ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting with requests or jobs unfinished`);
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS).unref();
  await kith.close();
  await channels.stop();
  await jobs.stop();
  app.mailer.close();
  await db.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
