// An import as a job of the persistent queue: the file is read from the row after the last committed
// batch, and each batch is planned and written in one transaction that also moves the checkpoint. A run
// killed midway resumes from its checkpoint: committed rows are not read again, none is lost.
import type { AppServices } from '../../app-services.js';
import { typeCustomValues } from './custom-values.js';
import { roleCan } from '../../auth/permissions.js';
import type { Viewer } from '../../context.js';
import type { Import, Prisma } from '../../generated/prisma/client.js';
import type { ClaimedJob, JobHandler } from '../../jobs/worker.js';
import { publishPending } from '../activity-events/publish.js';
import { emitEvent } from '../activity-events/record-event.js';
import { fileStorage } from '../files/storage.js';
import type { RecordAccess } from '../../auth/record-rules.js';
import type { Directories, PendingRow, RunSettings } from './batch-types.js';
import { planCompanies, writeCompanies } from './company-batch.js';
import { planContacts } from './contact-plan.js';
import { writeContacts } from './contact-write.js';
import { writeDealBatch } from './deal-write.js';
import { withinPlan } from './plan-room.js';
import { CompanyDirectory, MemberDirectory, TagDirectory } from './directories.js';
import type { ImportMapping } from './mapping.js';
import { announceBatch } from './progress.js';
import { openStoredTable, SourceGone } from './stored-source.js';
import { writeImportedRecords, type Written } from './write-common.js';
import { insertRows, type ColumnTypes } from './bulk-insert.js';
import { deferSearch, type TouchedRecords } from '../search/search-documents.js';

const FAILURE_COLUMNS: ColumnTypes = { importId: 'uuid', rowNumber: 'integer', reason: 'text', cells: 'text[]' };

export const IMPORT_RUN = 'import.run';
export const IMPORT_MAX_ATTEMPTS = 5;
/** Rows per transaction. */
export const BATCH_ROWS = 1000;

/** Thrown inside a batch whose checkpoint another run moved first: its writes roll back. */
class Superseded extends Error {}

/** Events of a run are the importer's. */
function importerSink(row: Pick<Import, 'createdById'>): { viewer: Viewer | null } {
  return { viewer: row.createdById ? ({ user: { id: row.createdById }, session: null, apiKey: null } as unknown as Viewer) : null };
}

export async function announceImport(app: AppServices, row: Import, verb: string, changes: Record<string, unknown>, tx?: Prisma.TransactionClient) {
  const sink = importerSink(row);
  if (tx) await emitEvent(tx, sink, row, 'Import', verb, changes);
  else await app.db.prisma.$transaction((t) => emitEvent(t, sink, row, 'Import', verb, changes));
  await publishPending(app, sink);
}

export const countsOf = (row: Import) => ({
  rowsRead: row.rowsRead,
  created: row.createdCount,
  updated: row.updatedCount,
  skipped: row.skippedCount,
  failed: row.failedCount,
});

/** What the importer may do and see now (a member who left, or lost the right to create records, stops the run). */
async function importerAccess(app: AppServices, row: Import): Promise<RecordAccess | null> {
  if (!row.createdById) return null;
  const membership = await app.db.prisma.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: row.workspaceId, userId: row.createdById } },
    select: {
      role: true,
      workspace: { select: { recordPolicy: true } },
      user: { select: { deletedAt: true, teamMemberships: { where: { team: { workspaceId: row.workspaceId } }, select: { teamId: true } } } },
    },
  });
  if (!membership || membership.user.deletedAt || !roleCan(membership.role, 'records:create')) return null;
  return {
    workspaceId: row.workspaceId,
    userId: row.createdById,
    role: membership.role,
    policy: membership.workspace.recordPolicy,
    teamIds: membership.user.teamMemberships.map((t) => t.teamId),
  };
}

export async function loadDirectories(app: AppServices, workspaceId: string): Promise<Directories> {
  const db = app.db.prisma;
  return {
    members: await MemberDirectory.load(db, workspaceId),
    tags: await TagDirectory.load(db, workspaceId),
    companies: await CompanyDirectory.load(db, workspaceId),
  };
}

export async function runSettingsOf(app: AppServices, row: Import, access: RecordAccess): Promise<RunSettings> {
  const workspace = await app.db.prisma.workspace.findUniqueOrThrow({ where: { id: row.workspaceId }, select: { defaultPhoneCountry: true } });
  return {
    workspaceId: row.workspaceId,
    importId: row.id,
    importerId: access.userId,
    mode: row.dedupeMode,
    visibility: row.visibility,
    mapping: { entity: row.entity, columns: row.columns as ImportMapping['columns'] },
    phoneCountry: workspace.defaultPhoneCountry ?? undefined,
    access,
  };
}

/** Each record a batch wrote gets its search document once, after the batch's last statement. */
function searchTouched(written: Written): TouchedRecords {
  const ids = (entity: string) => written.records.filter((r) => r.entity === entity).map((r) => r.recordId);
  return { CONTACT: ids('CONTACT'), COMPANY: ids('COMPANY'), DEAL: ids('DEAL'), NOTE: written.noteIds };
}

async function commitBatch(app: AppServices, row: Import, settings: RunSettings, directories: Directories, batch: PendingRow[], checkpoint: number) {
  const now = new Date();
  const last = batch.at(-1)!.number;
  // Long batches on a busy database: the default 5 s would abort a healthy one.
  return app.db.prisma.$transaction(
    async (tx) => {
      const written = await deferSearch(tx, async () => {
        const { workspaceId, mapping } = settings;
        let result: Written;
        if (mapping.entity === 'CONTACT') {
          const plan = await planContacts(tx, settings, directories, batch);
          await typeCustomValues(tx, workspaceId, 'CONTACT', mapping.columns, plan);
          result = await writeContacts(tx, settings, directories, await withinPlan(app.billing, tx, workspaceId, plan), now);
        } else if (mapping.entity === 'DEAL') {
          result = await writeDealBatch(tx, settings, directories, batch, now);
        } else {
          const plan = await planCompanies(tx, settings, directories, batch);
          await typeCustomValues(tx, workspaceId, 'COMPANY', mapping.columns, plan);
          result = await writeCompanies(tx, settings, directories, plan, now);
        }
        return { result, touched: searchTouched(result) };
      });
      await writeImportedRecords(tx, row.id, written.records, now);
      await insertRows(
        tx,
        'ImportFailure',
        FAILURE_COLUMNS,
        written.failures.map((f) => ({ importId: row.id, rowNumber: f.row.number, reason: f.reason.slice(0, 2000), cells: f.row.cells })),
      );
      const moved = await tx.import.updateMany({
        where: { id: row.id, checkpoint, status: 'RUNNING' },
        data: {
          checkpoint: last,
          rowsRead: { increment: batch.length },
          createdCount: { increment: written.counts.created },
          updatedCount: { increment: written.counts.updated },
          skippedCount: { increment: written.counts.skipped },
          failedCount: { increment: written.counts.failed },
        },
      });
      if (moved.count !== 1) throw new Superseded('Another run of this import moved on first.');
      return last;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

export interface RunHooks {
  /** Rows per transaction (default BATCH_ROWS). */
  batchRows?: number;
  /** Called after each committed batch (tests stop a run here, as a crash would). */
  afterBatch?: (importId: string, checkpoint: number) => void | Promise<void>;
}

async function fail(app: AppServices, row: Import, message: string) {
  const failed = await app.db.prisma.import.update({ where: { id: row.id }, data: { status: 'FAILED', error: message, finishedAt: new Date() } });
  await announceImport(app, failed, 'failed', { ...countsOf(failed), error: message });
  announceBatch(row.id);
}

export async function runImport(app: AppServices, importId: string, job: Pick<ClaimedJob, 'attempts' | 'maxAttempts'>, hooks: RunHooks = {}) {
  const prisma = app.db.prisma;
  const found = await prisma.import.findUnique({ where: { id: importId }, include: { workspace: { select: { closedAt: true } } } });
  if (!found || found.workspace.closedAt || (found.status !== 'QUEUED' && found.status !== 'RUNNING')) return;
  const { workspace: _closed, ...row } = found;
  const access = await importerAccess(app, row);
  if (!access) return fail(app, row, 'The importer may no longer create records in this workspace.');
  const settings = await runSettingsOf(app, row, access);
  const directories = await loadDirectories(app, row.workspaceId);
  let running = row;
  if (row.status === 'QUEUED') {
    running = await prisma.import.update({ where: { id: row.id }, data: { status: 'RUNNING', startedAt: row.startedAt ?? new Date() } });
    await announceImport(app, running, 'started', { fileName: row.fileName, mode: row.dedupeMode });
  }

  try {
    let checkpoint = running.checkpoint;
    const table = await openStoredTable(app.config, running);
    let batch: PendingRow[] = [];
    const commit = async () => {
      checkpoint = await commitBatch(app, running, settings, directories, batch, checkpoint);
      batch = [];
      announceBatch(row.id);
      await hooks.afterBatch?.(row.id, checkpoint);
    };
    for await (const source of table.rows) {
      if (source.number <= checkpoint) continue;
      batch.push(source);
      if (batch.length >= (hooks.batchRows ?? BATCH_ROWS)) await commit();
    }
    if (batch.length) await commit();
  } catch (error) {
    if (error instanceof Superseded) return;
    if (error instanceof SourceGone) return fail(app, running, error.message);
    if (job.attempts >= job.maxAttempts)
      await fail(app, running, 'The import stopped on an unexpected error; the rows before it are imported. Start a new import for the rest.');
    throw error;
  }

  const done = await prisma.import.update({ where: { id: row.id }, data: { status: 'DONE', finishedAt: new Date() } });
  await announceImport(app, done, 'completed', { fileName: done.fileName, entity: done.entity, ...countsOf(done) });
  // The rows now live in the records (and failures in ImportFailure): the upload itself is not kept.
  if (done.storageKey) {
    await fileStorage(app.config).delete(done.storageKey);
    await prisma.import.update({ where: { id: row.id }, data: { storageKey: null } });
  }
  announceBatch(row.id);
}

export function importHandlers(app: AppServices, hooks: RunHooks = {}): Record<string, JobHandler> {
  return {
    [IMPORT_RUN]: ({ importId }: { importId: string }, job: ClaimedJob) => runImport(app, importId, job, hooks),
  };
}
