import type { Prisma } from '../../generated/prisma/client.js';
import type { ImportAction, ImportEntity } from '../../generated/prisma/enums.js';
import type { BatchCounts, Decision, PendingRow, RunSettings } from './batch-types.js';

type Tx = Prisma.TransactionClient;

/** What undo needs to put an updated record back: its old field values, and what the import added to it. */
export interface UndoImage {
  fields: Record<string, unknown>;
  emails: string[];
  phones: string[];
  /** Profile keys. */
  profiles: string[];
  /** Tag ids linked. */
  tags: string[];
  /** Notes added. */
  notes: string[];
  /** Contacts a deal was linked to. */
  contacts?: string[];
}

export interface Written {
  records: Array<{ recordId: string; entity: ImportEntity; action: ImportAction; before: UndoImage | null }>;
  failures: Array<{ row: PendingRow; reason: string }>;
  counts: BatchCounts;
  /** Notes the batch added (their search documents are written with the batch's records). */
  noteIds: string[];
}

type Pending<V, K extends 'create' | 'update'> = Extract<Decision<V>, { kind: K }>;

/**
 * A batch's decisions sorted for writing: the creates, the updates still to write, and what needs no write
 * (failures, skips, rows folded into an earlier one) already counted.
 */
export function sortDecisions<V>(decisions: Decision<V>[], foldedCountAs: 'updated' | 'skipped') {
  const written: Written = { records: [], failures: [], counts: { created: 0, updated: 0, skipped: 0, failed: 0 }, noteIds: [] };
  const creates = decisions.filter((d): d is Pending<V, 'create'> => d.kind === 'create');
  const updates = decisions.filter((d): d is Pending<V, 'update'> => d.kind === 'update' && !d.folded);
  for (const d of decisions) {
    if (d.kind === 'failed') written.failures.push({ row: d.row, reason: d.reason });
    if (d.kind === 'skipped') written.counts.skipped += 1;
    if (d.kind === 'update' && d.folded) written.counts[foldedCountAs] += 1;
  }
  written.counts.failed = written.failures.length;
  return { written, creates, updates };
}

/** The values of RECORD_TAIL_COLUMNS for a new record: the row's owner (else the importer), its custom values, the import's visibility. */
export function recordTail(settings: Pick<RunSettings, 'importerId' | 'visibility'>, ownerId: string | undefined, custom: unknown, now: Date) {
  return {
    ownerId: ownerId ?? settings.importerId,
    customFields: custom,
    visibility: settings.visibility,
    createdById: settings.importerId,
    createdAt: now,
    updatedAt: now,
  };
}

/** Links records to tags through Prisma's implicit join table (A: the record, B: the tag). */
export async function writeTagLinks(tx: Tx, table: '_ContactToTag' | '_CompanyToTag' | '_DealToTag', links: ReadonlyArray<readonly [string, string]>) {
  if (links.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "${table}" ("A", "B") SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING`,
    links.map((l) => l[0]),
    links.map((l) => l[1]),
  );
}

/**
 * Records what the batch did for undo. A record written again by a later batch keeps its first
 * before-image (the state before the import), adds what the later batch added, and takes the later time.
 */
export async function writeImportedRecords(tx: Tx, importId: string, records: Written['records'], now: Date) {
  if (records.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "ImportedRecord" ("importId", "recordId", "entity", "action", "before", "writtenAt")
     SELECT $1::uuid, r."recordId", r.entity::"ImportEntity", r.action::"ImportAction", r.before, $3
     FROM jsonb_to_recordset($2::jsonb) AS r("recordId" uuid, entity text, action text, before jsonb)
     ON CONFLICT ("importId", "recordId") DO UPDATE SET
       "writtenAt" = EXCLUDED."writtenAt",
       "before" = CASE WHEN "ImportedRecord"."before" IS NULL OR EXCLUDED."before" IS NULL THEN "ImportedRecord"."before" ELSE jsonb_build_object(
         'fields', (EXCLUDED."before"->'fields') || ("ImportedRecord"."before"->'fields'),
         'emails', ("ImportedRecord"."before"->'emails') || (EXCLUDED."before"->'emails'),
         'phones', ("ImportedRecord"."before"->'phones') || (EXCLUDED."before"->'phones'),
         'profiles', ("ImportedRecord"."before"->'profiles') || (EXCLUDED."before"->'profiles'),
         'tags', ("ImportedRecord"."before"->'tags') || (EXCLUDED."before"->'tags'),
         'notes', ("ImportedRecord"."before"->'notes') || (EXCLUDED."before"->'notes'),
         'contacts', COALESCE("ImportedRecord"."before"->'contacts', '[]') || COALESCE(EXCLUDED."before"->'contacts', '[]')) END`,
    importId,
    JSON.stringify(records),
    now,
  );
}
