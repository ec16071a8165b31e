// On PostgreSQL an archive is written by a process of its own (export-process.main.ts): pg, archiver and
// file storage, without the server's Prisma client and GraphQL schema, so a large export neither grows
// the server's memory nor competes with its requests for the event loop. The server keeps the export row
// up to date from the progress the process reports.
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { StorageSettings } from '../files/storage.js';
import type { ArchiveJob, WrittenArchive } from './export-archive.js';

export interface ExportProcessInput {
  databaseUrl: string;
  storage: StorageSettings;
  job: ArchiveJob;
}

export type ExportProcessMessage = { progress: number } | { done: WrittenArchive } | { failed: string };

// The compiled server (dist/server) starts the compiled program; run from source, the program is TypeScript,
// loaded through tsx (resolved here, so whatever the server's working directory).
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const PROGRAM = fileURLToPath(new URL(`./export-process.main.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url));
const TYPESCRIPT_LOADER = FROM_SOURCE ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : [];
// Uncapped, V8 lets a fast export's garbage build up (peak RSS ~220 MB over 1M records, ~155 MB capped,
// at the same speed). The process holds a batch or two of about 1 MB (BatchSize), so 128 MB is ample.
const NODE_OPTIONS = [...TYPESCRIPT_LOADER, '--max-old-space-size=128'];

/**
 * Writes the archive in a new process; resolves once it is stored, rejects with the process's error. When
 * progress cannot be recorded the process is told to stop: it abandons the archive and cleans up.
 */
export function writeArchiveInOwnProcess(input: ExportProcessInput, onProgress: (recordsDone: number) => Promise<void>): Promise<WrittenArchive> {
  return new Promise((resolve, reject) => {
    const child = fork(PROGRAM, [], { execArgv: NODE_OPTIONS, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let written: WrittenArchive | null = null;
    let failure: Error | null = null;
    const stop = (error: Error) => {
      failure ??= error;
      if (child.connected) child.disconnect();
    };
    // Reports are handled in order, one at a time.
    let reported = Promise.resolve();
    child.on('message', (message: ExportProcessMessage) => {
      if ('progress' in message) reported = reported.then(() => onProgress(message.progress)).catch(stop);
      else if ('done' in message) written = message.done;
      else failure ??= new Error(message.failed);
    });
    const settle = (ending: string) =>
      void reported.then(() =>
        written && !failure ? resolve(written) : reject(failure ?? new Error(`The export process ${ending} before the archive was written`)),
      );
    child.once('error', (error) => {
      failure ??= error;
      settle('failed');
    });
    child.once('exit', (code, signal) => settle(`ended (${signal ?? `exit code ${code}`})`));
    child.send(input);
  });
}
