// The purge of a deleted workspace, in bounded steps: each batch is one DELETE of at most `batchRows` rows
// in its own transaction, so no step outlives a transaction timeout and a crash keeps what was done. Tables
// go children first (nothing still points at a row when it is deleted, so no foreign key blocks or cascades
// widely), stored objects go before the rows that name them, and the Workspace row goes last: until then
// the workspace is closed to everyone (standings, forms, webhooks, jobs), so no half-purged state is seen.
import type { AppServices } from '../../app-services.js';
import { getDatamodel } from '../../generated/pothos-types.js';
import type { JobHandler } from '../../jobs/worker.js';
import { KEPT_AFTER_WORKSPACE_PURGE } from '../billing/billing-records.js';
import { fileStorage } from '../files/storage.js';
import { WORKSPACE_PURGE } from './workspace-deletion.service.js';
import { recordDeletion } from './deletion-ledger.js';

const BATCH_ROWS = 2000;
/** Stored objects are deleted this many at a time. */
const OBJECT_DELETES_AT_ONCE = 50;
const NO_KEY = '00000000-0000-0000-0000-000000000000';

/**
 * Contact details rewrite their contact's search document when deleted on their own; deleted through their
 * contact's cascade they find no contact and cost nothing. They are taken after contacts.
 */
const CASCADED_WITH_PARENT = new Set(['ContactEmail', 'ContactPhone', 'ContactProfile']);
/** Columns naming stored objects (files, export archives): the objects are deleted before their rows. */
const STORAGE_KEY_COLUMN: Record<string, string> = { File: 'storageKey', WorkspaceExport: 'storageKey', Import: 'storageKey' };

interface PurgeTable {
  model: string;
  table: string;
  /** Column to walk the table by in key order; null when the workspace ID is the key (one row). */
  key: string | null;
}

type Model = { dbName: string | null; fields: Array<{ name: string; kind: string; type: string; isId?: boolean; relationFromFields?: readonly string[] }> };
const models = () => getDatamodel().datamodel.models as unknown as Record<string, Model>;

/** Models with a workspaceId column, from the Prisma schema: tables added later are purged too (billing history excepted). */
export function workspaceModels(): string[] {
  return Object.entries(models())
    .filter(([name, model]) => !KEPT_AFTER_WORKSPACE_PURGE.has(name) && model.fields.some((field) => field.name === 'workspaceId'))
    .map(([name]) => name);
}

/** The workspace's tables, every table before the tables it points at (Kahn's order, ties by name). */
export function purgeOrder(): PurgeTable[] {
  const all = models();
  const names = workspaceModels();
  const pointsAt = new Map(
    names.map((name) => [
      name,
      new Set(
        all[name]!.fields.filter((f) => f.kind === 'object' && f.relationFromFields?.length && f.type !== name && names.includes(f.type)).map((f) => f.type),
      ),
    ]),
  );
  const pointedAtBy = new Map(names.map((name) => [name, names.filter((other) => pointsAt.get(other)!.has(name)).length]));
  const order: string[] = [];
  const ready = names.filter((name) => pointedAtBy.get(name) === 0);
  while (ready.length > 0) {
    ready.sort();
    const next = ready.shift()!;
    order.push(next);
    for (const target of pointsAt.get(next)!) {
      pointedAtBy.set(target, pointedAtBy.get(target)! - 1);
      if (pointedAtBy.get(target) === 0) ready.push(target);
    }
  }
  if (order.length !== names.length) throw new Error('Workspace tables point at each other in a cycle; the purge needs an order for them');
  const direct = order.filter((name) => !CASCADED_WITH_PARENT.has(name));
  const last = order.filter((name) => CASCADED_WITH_PARENT.has(name));
  return [...direct, ...last].map((model) => ({
    model,
    table: all[model]!.dbName ?? model,
    key: all[model]!.fields.some((f) => f.name === 'id' && f.isId) ? 'id' : null,
  }));
}

export interface PurgeOptions {
  batchRows?: number;
  /** Called after each batch (benchmarks, tests). */
  onBatch?: (model: string, rows: number) => void;
}

export interface PurgeResult {
  rows: number;
  /** Whether this run deleted the Workspace row (false: it was gone already, or is not closed). */
  workspace: boolean;
}

/** One batch: the next `limit` rows after `after` in key order; returns how many went and the last key. */
async function deleteBatch(app: AppServices, t: PurgeTable, workspaceId: string, after: string, limit: number) {
  const prisma = app.db.prisma;
  if (!t.key) {
    const rows = await prisma.$executeRawUnsafe(`DELETE FROM "${t.table}" WHERE "workspaceId" = $1::uuid`, workspaceId);
    return { rows, last: null };
  }
  const objectColumn = STORAGE_KEY_COLUMN[t.model];
  const doomed = await prisma.$queryRawUnsafe<Array<{ key: string; object: string | null }>>(
    `SELECT "${t.key}"::text AS key, ${objectColumn ? `"${objectColumn}"` : 'NULL'} AS object FROM "${t.table}"
     WHERE "workspaceId" = $1::uuid AND "${t.key}" > $2::uuid ORDER BY "${t.key}" LIMIT ${limit}`,
    workspaceId,
    after,
  );
  if (doomed.length === 0) return { rows: 0, last: null };
  const objects = doomed.map((row) => row.object).filter((key): key is string => !!key);
  const storage = fileStorage(app.config);
  for (let i = 0; i < objects.length; i += OBJECT_DELETES_AT_ONCE) {
    await Promise.all(objects.slice(i, i + OBJECT_DELETES_AT_ONCE).map((key) => storage.delete(key)));
  }
  const keys = doomed.map((row) => row.key);
  const rows = await prisma.$executeRawUnsafe(`DELETE FROM "${t.table}" WHERE "${t.key}" = ANY($1::uuid[]) AND "workspaceId" = $2::uuid`, keys, workspaceId);
  return { rows, last: keys[keys.length - 1]! };
}

/** Empties one table of the workspace's rows, batch by batch; a second pass catches rows added behind the walk. */
async function purgeTable(app: AppServices, t: PurgeTable, workspaceId: string, options: PurgeOptions): Promise<number> {
  const limit = options.batchRows ?? BATCH_ROWS;
  let total = 0;
  let passTotal = 0;
  let after = NO_KEY;
  for (;;) {
    const { rows, last } = await deleteBatch(app, t, workspaceId, after, limit);
    if (rows > 0) options.onBatch?.(t.model, rows);
    total += rows;
    passTotal += rows;
    if (last) {
      after = last;
      continue;
    }
    if (passTotal === 0 || !t.key) return total;
    after = NO_KEY;
    passTotal = 0;
  }
}

/**
 * Deletes every row of a closed workspace and the objects its files and exports stored, then the Workspace
 * row. Safe to run again at any point (after a crash, or concurrently with a retry): each step deletes
 * whatever is left.
 */
export async function purgeWorkspace(app: AppServices, workspaceId: string, options: PurgeOptions = {}): Promise<PurgeResult> {
  let rows = 0;
  for (const table of purgeOrder()) rows += await purgeTable(app, table, workspaceId, options);
  const gone = await app.db.prisma.$transaction(async (tx) => {
    const deleted = await tx.workspace.deleteMany({ where: { id: workspaceId, closedAt: { not: null } } });
    if (deleted.count > 0) await recordDeletion(tx, 'WORKSPACE', workspaceId);
    return deleted;
  });
  return { rows: rows + gone.count, workspace: gone.count > 0 };
}

/** From this many failed attempts on, each failure is logged as an error for the instance's owners. */
const ALERT_AFTER_ATTEMPTS = 5;

/**
 * Purges a closed workspace whose grace period is over. Does nothing for a workspace that was reopened
 * (deletion cancelled) or is gone, so a stale job or a second run is harmless. A failure is retried with
 * backoff, never abandoned (PURGE_MAX_ATTEMPTS); repeated failures are logged as errors, and
 * /healthz/purges reports purges that are overdue.
 */
export function workspacePurgeHandlers(app: AppServices): Record<string, JobHandler> {
  return {
    [WORKSPACE_PURGE]: async ({ workspaceId }: { workspaceId: string }, job) => {
      const workspace = await app.db.prisma.workspace.findUnique({ where: { id: workspaceId }, select: { closedAt: true, purgeAfter: true } });
      if (!workspace?.closedAt || !workspace.purgeAfter || workspace.purgeAfter > new Date()) return;
      const started = performance.now();
      try {
        const { rows } = await purgeWorkspace(app, workspaceId);
        app.logger.info(`Purged workspace ${workspaceId}: ${rows} rows in ${Math.round(performance.now() - started)} ms`);
      } catch (error) {
        if (job.attempts >= ALERT_AFTER_ATTEMPTS) {
          const message = error instanceof Error ? error.message : String(error);
          app.logger.error(
            `The purge of deleted workspace ${workspaceId} has failed ${job.attempts} times (last: ${message}); it is retried, but its data outlives the promised deletion until it succeeds`,
          );
        }
        throw error;
      }
    },
  };
}
