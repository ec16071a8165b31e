// A job worker in a process of its own, for the kill-and-resume test (modules/imports/kill-resume.test.ts): it opens the
// database at argv[2], runs the import jobs due there in batches of argv[3] rows, and exits when none is
// left. The test SIGKILLs it midway, as a crash or an OOM kill would.
import { createAppServices } from '../app-services.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { JobWorker } from '../jobs/worker.js';
import { importHandlers } from '../modules/imports/run-import.js';

const [databaseUrl, batchRows] = process.argv.slice(2);
const db = await openDatabase({ url: databaseUrl });
const services = createAppServices(loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'error', PUBLIC_URL: 'http://localhost:4000' }), db);
const worker = new JobWorker(db.prisma, importHandlers(services, { batchRows: Number(batchRows) }), {
  logger: services.logger,
  workerId: `child-${process.pid}`,
});
while (await worker.runNext());
await db.close();
process.exit(0);
