import type { AppServices } from '../../app-services.js';
import type { Context, Viewer } from '../../context.js';
import { conflict } from '../../errors.js';
import type { ExportFormat, WorkspaceExport } from '../../generated/prisma/client.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { ClaimedJob, JobHandler } from '../../jobs/worker.js';
import { sendOrLog } from '../../mail/mailer.js';
import { publishPending } from '../activity-events/publish.js';
import { emitEvent } from '../activity-events/record-event.js';
import { recordAudit } from '../audit/audit.service.js';
import { fileStorage, newStorageKey } from '../files/storage.js';
import { writeWorkspaceArchive, type ArchiveJob, type WrittenArchive } from './export-archive.js';
import { writeArchiveInOwnProcess } from './export-process.js';
import { countRows, exportSources } from './export-sources.js';

export const WORKSPACE_EXPORT = 'workspace.export';
const MAX_ATTEMPTS = 3;
/** Progress is written to the row at most this often (every batch would be a write per 2,000 rows). */
const PROGRESS_EVERY_MS = 500;

export function exportDownloadUrl(app: AppServices, row: Pick<WorkspaceExport, 'id' | 'status' | 'expiresAt'>, now = new Date()): string | null {
  if (row.status !== 'DONE' || !row.expiresAt || row.expiresAt <= now) return null;
  return `${app.config.publicUrl}/exports/${row.id}/download`;
}

/** Books an export of the whole workspace; one at a time per workspace. */
export async function requestWorkspaceExport(context: Context, workspaceId: string, format: ExportFormat) {
  const running = await context.prisma.workspaceExport.findFirst({ where: { workspaceId, status: { in: ['QUEUED', 'RUNNING'] } }, select: { id: true } });
  if (running) throw conflict('An export of this workspace is already under way; wait for it to finish.');
  return context.prisma.$transaction(async (tx) => {
    const row = await tx.workspaceExport.create({ data: { workspaceId, format, requestedById: context.viewer?.user.id ?? null } });
    await enqueueJob(tx, WORKSPACE_EXPORT, { exportId: row.id }, { maxAttempts: MAX_ATTEMPTS, uniqueKey: `${WORKSPACE_EXPORT}:${row.id}` });
    await emitEvent(tx, context, row, 'WorkspaceExport', 'requested', { format });
    await recordAudit(tx, context, { workspaceId, action: 'workspace.export_requested', targetType: 'WorkspaceExport', targetId: row.id, details: { format } });
    return row;
  });
}

/** Events of a job are attributed to the person who asked for the export. */
function requesterSink(row: WorkspaceExport): { viewer: Viewer | null } {
  return { viewer: row.requestedById ? ({ user: { id: row.requestedById }, session: null, apiKey: null } as unknown as Viewer) : null };
}

async function announce(app: AppServices, row: WorkspaceExport, verb: string, changes: Record<string, unknown>) {
  const sink = requesterSink(row);
  await app.db.prisma.$transaction((tx) => emitEvent(tx, sink, row, 'WorkspaceExport', verb, changes));
  await publishPending(app, sink);
}

/** On PostgreSQL in a process of its own (see export-process.ts); PGlite lives inside this process, so there it is written here. */
function writeArchive(app: AppServices, job: ArchiveJob, onProgress: (recordsDone: number) => Promise<void>): Promise<WrittenArchive> {
  const { filesDir, s3 } = app.config;
  if (app.db.url) return writeArchiveInOwnProcess({ databaseUrl: app.db.url, storage: { filesDir, s3 }, job }, onProgress);
  return writeWorkspaceArchive(app.db.sql, fileStorage(app.config), job, onProgress);
}

/** Announces each quarter of the rows on the feed, and writes the count to the row every PROGRESS_EVERY_MS. */
function progressReporter(app: AppServices, running: WorkspaceExport) {
  let lastWrite = Date.now();
  let quarter = 0;
  return async (recordsDone: number) => {
    const reached = running.recordsTotal ? Math.floor((recordsDone / running.recordsTotal) * 4) : 0;
    if (reached > quarter && reached < 4) {
      quarter = reached;
      await announce(app, running, 'progressed', { recordsDone, recordsTotal: running.recordsTotal });
    }
    if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = Date.now();
    await app.db.prisma.workspaceExport.update({ where: { id: running.id }, data: { recordsDone } });
  };
}

async function buildArchive(app: AppServices, row: WorkspaceExport) {
  const prisma = app.db.prisma;
  // A previous attempt that died midway may have left its archive behind.
  if (row.storageKey) await fileStorage(app.config).delete(row.storageKey);
  const storageKey = newStorageKey(row.workspaceId);
  const sources = exportSources();
  let recordsTotal = 0;
  for (const source of sources) recordsTotal += await countRows(app.db.sql, source, row.workspaceId);
  const running = await prisma.workspaceExport.update({
    where: { id: row.id },
    data: { status: 'RUNNING', storageKey, recordsDone: 0, recordsTotal, error: null },
  });
  await announce(app, running, 'started', { recordsTotal });

  const job = { workspaceId: row.workspaceId, format: row.format, sources, storageKey };
  const { recordsDone, byteSize, sha256 } = await writeArchive(app, job, progressReporter(app, running));
  const finishedAt = new Date();
  // The total was counted before the export began; rows written meanwhile (its own events among them) may be in it too.
  // Only a row still RUNNING becomes DONE: an erasure meanwhile failed it, and its archive may hold the erased contact.
  const finished = await prisma.workspaceExport.updateMany({
    where: { id: row.id, status: 'RUNNING' },
    data: {
      status: 'DONE',
      recordsDone,
      recordsTotal: recordsDone,
      byteSize: BigInt(byteSize),
      sha256,
      finishedAt,
      expiresAt: new Date(finishedAt.getTime() + app.config.retention.exportArchiveDays * 24 * 60 * 60 * 1000),
    },
  });
  if (finished.count === 1) return prisma.workspaceExport.findUniqueOrThrow({ where: { id: row.id } });
  await fileStorage(app.config).delete(storageKey);
  return null;
}

async function tellRequester(app: AppServices, row: WorkspaceExport) {
  const requester = row.requestedById
    ? await app.db.prisma.user.findUnique({ where: { id: row.requestedById }, select: { email: true, deletedAt: true } })
    : null;
  if (!requester || requester.deletedAt) return;
  const link = exportDownloadUrl(app, row);
  await sendOrLog(app.mailer, app.logger, {
    to: requester.email,
    subject: 'Your Kith export is ready',
    text: `The export of your workspace is ready. Download it (signed in as an owner or admin of the workspace) until ${row.expiresAt!.toUTCString()}:\n\n${link}\n`,
    link: link ?? undefined,
    workspaceId: row.workspaceId,
    userId: row.requestedById,
  });
}

export function exportHandlers(app: AppServices): Record<string, JobHandler> {
  return {
    [WORKSPACE_EXPORT]: async ({ exportId }: { exportId: string }, job: ClaimedJob) => {
      const row = await app.db.prisma.workspaceExport.findUnique({ where: { id: exportId }, include: { workspace: { select: { closedAt: true } } } });
      // A workspace scheduled for deletion is read by no one, its own export included.
      if (!row || row.workspace.closedAt || row.status === 'DONE' || row.status === 'EXPIRED' || row.status === 'FAILED') return;
      try {
        const done = await buildArchive(app, row);
        if (!done) return;
        await announce(app, done, 'completed', { recordsTotal: done.recordsTotal, byteSize: Number(done.byteSize) });
        await tellRequester(app, done);
      } catch (error) {
        if (job.attempts >= job.maxAttempts) {
          const failed = await app.db.prisma.workspaceExport.update({
            where: { id: row.id },
            data: { status: 'FAILED', error: 'The export could not be written. Please request a new one.' },
          });
          await announce(app, failed, 'failed', {});
          if (failed.storageKey)
            await fileStorage(app.config)
              .delete(failed.storageKey)
              .catch(() => undefined);
        }
        throw error;
      }
    },
  };
}

/** Deletes archives past their download window (the retention sweep calls this). Returns how many. */
export async function expireWorkspaceExports(app: AppServices, now = new Date()): Promise<number> {
  const expired = await app.db.prisma.workspaceExport.findMany({ where: { status: 'DONE', expiresAt: { lte: now } }, select: { id: true, storageKey: true } });
  const storage = fileStorage(app.config);
  for (const row of expired) {
    if (row.storageKey) await storage.delete(row.storageKey);
    await app.db.prisma.workspaceExport.update({ where: { id: row.id }, data: { status: 'EXPIRED', storageKey: null } });
  }
  return expired.length;
}

/** Every archive a workspace's exports left in storage, for the purge of the workspace. */
export async function exportArchiveKeys(app: AppServices, workspaceId: string): Promise<string[]> {
  const rows = await app.db.prisma.workspaceExport.findMany({ where: { workspaceId, storageKey: { not: null } }, select: { storageKey: true } });
  return rows.map((row) => row.storageKey!);
}
