import { roleCan } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { badInput, conflict, notFound } from '../../errors.js';
import type { Import } from '../../generated/prisma/client.js';
import type { ImportDedupeMode, ImportEntity, RecordVisibility } from '../../generated/prisma/enums.js';
import { enqueueJob } from '../../jobs/queue.js';
import { emitEvent } from '../activity-events/record-event.js';
import { recordAudit } from '../audit/audit.service.js';
import { assertRoom } from '../billing/limits.js';
import type { CompanyDecision, ContactDecision, PendingRow } from './batch-types.js';
import { planCompanies } from './company-batch.js';
import { planContacts } from './contact-plan.js';
import { planDeals, type DealDecision, type PlannedDeal } from './deal-plan.js';
import { withinPlan } from './plan-room.js';
import { mappingProblem, suggestMapping, type ImportMapping } from './mapping.js';
import type { ContactValues } from './row-values.js';
import { IMPORT_MAX_ATTEMPTS, IMPORT_RUN, loadDirectories, runSettingsOf } from './run-import.js';
import { openStoredTable, SourceGone, sniffStored } from './stored-source.js';
import { recordAccess } from '../../auth/record-access.js';

/** Why an uploaded file cannot be imported (answered as bad input, and the file is dropped). */
export class UploadProblem extends Error {}

/** Reads the stored upload's format and header, and books the import with a suggested mapping. */
export async function createUploadedImport(
  context: Context,
  workspaceId: string,
  file: { fileName: string; storageKey: string; byteSize: number },
): Promise<Import> {
  const { config } = context.app;
  const format = await sniffStored(config, file.storageKey, file.fileName);
  const table = await openStoredTable(config, { storageKey: file.storageKey, sourceKind: format.kind, encoding: format.encoding, delimiter: format.delimiter });
  await table.rows.return(undefined);
  if (table.headers.length === 0 || table.headers.every((header) => !header)) throw new UploadProblem('The file has no header row.');
  if (table.headers.some((header) => header.includes('\uFFFD'))) throw new UploadProblem('The header could not be read as text: save the file as CSV (UTF-8).');
  const suggestion = suggestMapping(table.headers);
  return context.prisma.$transaction(async (tx) => {
    const row = await tx.import.create({
      data: {
        workspaceId,
        createdById: context.viewer?.user.id ?? null,
        fileName: file.fileName,
        storageKey: file.storageKey,
        byteSize: BigInt(file.byteSize),
        sourceKind: format.kind,
        encoding: format.encoding,
        delimiter: format.delimiter,
        headers: table.headers.map((header) => header.slice(0, 200)),
        recognised: suggestion.recognised,
        entity: suggestion.entity,
        columns: suggestion.columns,
      },
    });
    await emitEvent(tx, context, row, 'Import', 'uploaded', { fileName: row.fileName, byteSize: file.byteSize, format: format.kind });
    await recordAudit(tx, context, {
      workspaceId,
      action: 'import.uploaded',
      targetType: 'Import',
      targetId: row.id,
      details: { byteSize: file.byteSize, format: format.kind },
    });
    return row;
  });
}

// ---------------------------------------------------------------- reading, starting, previewing, undoing

export interface ImportSettings {
  entity: ImportEntity;
  columns: Array<string | null>;
  dedupeMode: ImportDedupeMode;
  visibility: RecordVisibility;
}

/** An import the viewer may see: their own, or any in the workspace with imports:manageAll; else NOT_FOUND. */
export async function visibleImport(context: Context, id: string): Promise<Import> {
  const row = await context.prisma.import.findUnique({ where: { id } });
  if (!row || !(await canSeeImport(context, row))) throw notFound('Import');
  return row;
}

export async function canSeeImport(context: Context, row: Pick<Import, 'workspaceId' | 'createdById'>): Promise<boolean> {
  const role = await context.roleIn(row.workspaceId);
  if (!role) return false;
  if (roleCan(role, 'imports:manageAll')) return true;
  return row.createdById === context.viewer?.user.id && roleCan(role, 'records:create');
}

function checkedMapping(row: Import, settings: ImportSettings): ImportMapping {
  const mapping = { entity: settings.entity, columns: settings.columns };
  const problem = mappingProblem(row.headers, mapping);
  if (problem) throw badInput(problem, 'settings.columns');
  return mapping;
}

export async function startImport(context: Context, id: string, settings: ImportSettings) {
  const row = await visibleImport(context, id);
  if (row.status !== 'UPLOADED') throw conflict('This import has already been started.');
  if (!row.storageKey) throw badInput('The uploaded file is no longer stored; upload it again.');
  const mapping = checkedMapping(row, settings);
  return context.prisma.$transaction(async (tx) => {
    // No room for a single contact: refused now, rather than an import whose every new row fails.
    if (mapping.entity === 'CONTACT') await assertRoom(context.app.billing, tx, row.workspaceId, 'contacts', 1);
    const moved = await tx.import.updateMany({
      where: { id, status: 'UPLOADED' },
      data: { status: 'QUEUED', entity: mapping.entity, columns: mapping.columns, dedupeMode: settings.dedupeMode, visibility: settings.visibility },
    });
    if (moved.count !== 1) throw conflict('This import has already been started.');
    const queued = await tx.import.findUniqueOrThrow({ where: { id } });
    await enqueueJob(tx, IMPORT_RUN, { importId: id }, { uniqueKey: `${IMPORT_RUN}:${id}`, maxAttempts: IMPORT_MAX_ATTEMPTS });
    await emitEvent(tx, context, queued, 'Import', 'queued', { entity: queued.entity, mode: queued.dedupeMode, visibility: queued.visibility });
    await recordAudit(tx, context, {
      workspaceId: row.workspaceId,
      action: 'import.started',
      targetType: 'Import',
      targetId: id,
      details: { entity: queued.entity, mode: queued.dedupeMode, visibility: queued.visibility, byteSize: Number(row.byteSize) },
    });
    return queued;
  });
}

export const PREVIEW_SCAN_ROWS = 500;

export interface PreviewRow {
  number: number;
  action: 'CREATE' | 'UPDATE' | 'SKIP' | 'FAIL';
  match: 'EXISTING' | 'IN_FILE' | null;
  values: Record<string, unknown> | null;
  errors: string[];
}

function storedValues(decision: ContactDecision | CompanyDecision | DealDecision): Record<string, unknown> | null {
  if (decision.kind === 'failed') return null;
  const values = { ...decision.values } as Record<string, unknown>;
  if ('targets' in values) {
    const { targets } = decision.values as PlannedDeal;
    delete values.targets;
    values.stage = targets.stage.name;
    if (targets.companyId) values.companyLinked = true;
  }
  if ('profiles' in values) values.profiles = (decision.values as ContactValues).profiles.map((p) => p.url);
  if (Object.keys(decision.values.custom).length === 0) delete values.custom;
  for (const [key, value] of Object.entries(values)) if (value === undefined || (Array.isArray(value) && value.length === 0)) delete values[key];
  return values;
}

/** The first rows as they will be stored, each row's errors, and match counts over the first PREVIEW_SCAN_ROWS rows. */
export async function previewImport(context: Context, id: string, settings: ImportSettings, first: number) {
  const row = await visibleImport(context, id);
  const mapping = checkedMapping(row, settings);
  const access = await recordAccess(context, row.workspaceId);
  const runSettings = { ...(await runSettingsOf(context.app, row, access)), mapping, mode: settings.dedupeMode, visibility: settings.visibility };
  const directories = await loadDirectories(context.app, row.workspaceId);
  let table;
  try {
    table = await openStoredTable(context.app.config, row);
  } catch (error) {
    if (error instanceof SourceGone) throw badInput(error.message);
    throw error;
  }
  const rows: PendingRow[] = [];
  for await (const source of table.rows) {
    rows.push(source);
    if (rows.length >= PREVIEW_SCAN_ROWS) break;
  }
  const complete = rows.length < PREVIEW_SCAN_ROWS || (await table.rows.next()).done === true;
  await table.rows.return(undefined);
  const decisions: Array<ContactDecision | CompanyDecision | DealDecision> =
    mapping.entity === 'CONTACT'
      ? await withinPlan(context.app.billing, context.prisma, row.workspaceId, await planContacts(context.prisma, runSettings, directories, rows))
      : mapping.entity === 'DEAL'
        ? await planDeals(context.prisma, runSettings, directories, rows, { toCreate: [] }, new Date())
        : await planCompanies(context.prisma, runSettings, directories, rows);
  const actionOf = (d: ContactDecision | CompanyDecision | DealDecision): PreviewRow['action'] =>
    (({ failed: 'FAIL', skipped: 'SKIP', create: 'CREATE', update: 'UPDATE' }) as const)[d.kind];
  const preview: PreviewRow[] = decisions.map((d) => ({
    number: d.row.number,
    action: actionOf(d),
    match: d.kind === 'skipped' || d.kind === 'update' ? d.match : null,
    values: storedValues(d),
    errors: d.kind === 'failed' ? [d.reason] : [],
  }));
  const count = (test: (row: PreviewRow) => boolean) => preview.filter(test).length;
  return {
    rows: preview.slice(0, first),
    failedRows: preview.filter((p) => p.action === 'FAIL').slice(0, 100),
    rowsChecked: preview.length,
    complete,
    creates: count((p) => p.action === 'CREATE'),
    updates: count((p) => p.action === 'UPDATE'),
    skips: count((p) => p.action === 'SKIP'),
    failures: count((p) => p.action === 'FAIL'),
    matchesInWorkspace: count((p) => p.match === 'EXISTING'),
    duplicatesInFile: count((p) => p.match === 'IN_FILE'),
  };
}
