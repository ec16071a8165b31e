// The export process (see export-process.ts): reads its job from the server, writes the archive, reports
// progress and the result, and exits. It loads pg, archiver and file storage only.
import { postgresPool } from '../../db/postgres-pool.js';
import { sqlRunnerForPool } from '../../db/sql-runner.js';
import { fileStorage } from '../files/storage.js';
import { writeWorkspaceArchive } from './export-archive.js';
import type { ExportProcessInput, ExportProcessMessage } from './export-process.js';

const STOP_GRACE_MS = 10_000;

function report(message: ExportProcessMessage): Promise<void> {
  return new Promise((resolve, reject) => process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())));
}

async function writeArchive({ databaseUrl, storage, job }: ExportProcessInput) {
  const pool = postgresPool(databaseUrl, { max: 1, applicationName: 'kith export' });
  try {
    const written = await writeWorkspaceArchive(sqlRunnerForPool(pool), fileStorage(storage), job, (recordsDone) => report({ progress: recordsDone }));
    await report({ done: written });
  } finally {
    await pool.end();
  }
}

// The server stopped the export, or went away: the next progress report fails, which abandons the
// archive and removes what was written of it. A process stuck in a query is ended after a grace period.
process.once('disconnect', () => setTimeout(() => process.exit(1), STOP_GRACE_MS).unref());
// The handler catches everything it throws and reports it to the parent.
// eslint-disable-next-line @typescript-eslint/no-misused-promises
process.once('message', async (input: ExportProcessInput) => {
  try {
    await writeArchive(input);
    process.exit(0);
  } catch (error) {
    await report({ failed: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
    process.exit(1);
  }
});
