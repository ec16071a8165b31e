// npm run backup | npm run restore -- <file>
import { loadConfig } from '../config.js';
import { BackupError, backupSettings, createBackup, restoreBackup, sweepBackups } from './backup.js';

async function main(command: string | undefined, file: string | undefined) {
  const settings = backupSettings(loadConfig());
  if (command === 'backup') {
    const path = await createBackup(settings);
    console.log(`Backup written: ${path}`);
    const removed = await sweepBackups(settings);
    if (removed.length) console.log(`Removed ${removed.length} backup(s) older than ${settings.retentionDays} days: ${removed.join(', ')}`);
    return;
  }
  if (command === 'restore') {
    if (!file) throw new BackupError('Usage: npm run restore -- <backup file>');
    await restoreBackup(settings, file);
    console.log(
      `Restored ${file} into ${settings.databaseUrl ? 'the PostgreSQL database' : settings.pgliteDir}, migrated. Kith deletes again what the deletion ledger names when it starts.`,
    );
    return;
  }
  throw new BackupError('Usage: backup-cli.ts backup | restore <file>');
}

main(process.argv[2], process.argv[3]).catch((error: unknown) => {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
});
