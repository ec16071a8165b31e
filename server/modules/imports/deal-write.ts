// Writes a batch of planned deals: new ones in bulk with their first stage change, contacts, tags and
// notes; matched ones one statement each, keeping what undo needs. An update leaves the stage alone:
// moving a deal is a stage change with its own history, done on the board.
import type { Prisma } from '../../generated/prisma/client.js';
import { statusAfterEntering } from '../pipelines/stage-status.js';
import type { Directories, PendingRow, RunSettings } from './batch-types.js';
import { COMPANY_COLUMNS, insertRows, RECORD_TAIL_COLUMNS, type ColumnTypes } from './bulk-insert.js';
import type { CompanyLinks } from './company-links.js';
import { planDeals, type DealDecision, type PlannedDeal } from './deal-plan.js';
import { recordTail, sortDecisions, writeTagLinks, type UndoImage, type Written } from './write-common.js';

type Tx = Prisma.TransactionClient;

const DEAL_COLUMNS: ColumnTypes = {
  id: 'uuid',
  workspaceId: 'uuid',
  name: 'text',
  amountMinor: 'bigint',
  currency: 'text',
  pipelineId: 'uuid',
  stageId: 'uuid',
  status: '"DealStatus"',
  expectedCloseDate: 'date',
  closedAt: 'timestamp(3)',
  companyId: 'uuid',
  ...RECORD_TAIL_COLUMNS,
};
const STAGE_CHANGE_COLUMNS: ColumnTypes = {
  id: 'uuid',
  workspaceId: 'uuid',
  dealId: 'uuid',
  toStageId: 'uuid',
  toStageName: 'text',
  changedById: 'uuid',
  changedAt: 'timestamp(3)',
};
const DEAL_NOTE_COLUMNS: ColumnTypes = {
  id: 'uuid',
  workspaceId: 'uuid',
  body: 'text',
  dealId: 'uuid',
  createdById: 'uuid',
  createdAt: 'timestamp(3)',
  updatedAt: 'timestamp(3)',
};

export async function writeDeals(
  tx: Tx,
  settings: RunSettings,
  directories: Directories,
  decisions: DealDecision[],
  links: CompanyLinks,
  now: Date,
): Promise<Written> {
  const { workspaceId, importerId } = settings;
  const { written, creates, updates } = sortDecisions(decisions, 'skipped');
  // Only the companies of rows that are written are booked.
  const used = new Set([...creates, ...updates].map((d) => d.values.targets.companyId));
  const companies = links.toCreate.filter((c) => used.has(c.id));
  await insertRows(tx, 'Company', COMPANY_COLUMNS, companies);
  for (const company of companies) written.records.push({ recordId: company.id, entity: 'COMPANY', action: 'CREATED', before: null });

  const tagIds = await directories.tags.ensure(
    tx,
    [...creates, ...updates].flatMap((d) => d.values.tags),
  );
  const tagId = (name: string) => tagIds.get(name.toLowerCase())!;
  const tagLinks: Array<readonly [string, string]> = [];
  const contactLinks: Array<{ dealId: string; contactId: string }> = [];
  const notes: Array<Record<string, unknown>> = [];
  const columnsOf = (values: PlannedDeal) => ({
    amountMinor: values.amountMinor ?? null,
    currency: values.currency ?? null,
    expectedCloseDate: values.closeDate ?? null,
  });

  await insertRows(
    tx,
    'Deal',
    DEAL_COLUMNS,
    creates.map(({ id, values, ownerId }) => ({
      ...columnsOf(values),
      currency: values.currency ?? 'USD',
      id,
      workspaceId,
      name: values.name.trim(),
      pipelineId: values.targets.pipelineId,
      stageId: values.targets.stage.id,
      ...statusAfterEntering(values.targets.stage, null, now),
      companyId: values.targets.companyId,
      ...recordTail(settings, ownerId, values.custom, now),
    })),
  );
  await insertRows(
    tx,
    'DealStageChange',
    STAGE_CHANGE_COLUMNS,
    creates.map(({ id, values }) => ({
      workspaceId,
      dealId: id,
      toStageId: values.targets.stage.id,
      toStageName: values.targets.stage.name,
      changedById: importerId,
      changedAt: now,
    })),
  );
  for (const { id, values } of creates) {
    written.records.push({ recordId: id, entity: 'DEAL', action: 'CREATED', before: null });
    tagLinks.push(...values.tags.map((name) => [id, tagId(name)] as const));
    contactLinks.push(...values.targets.contactIds.map((contactId) => ({ dealId: id, contactId })));
    if (values.note) notes.push({ workspaceId, body: values.note, dealId: id, createdById: importerId, createdAt: now, updatedAt: now });
  }
  written.counts.created += creates.length;

  const fillOnly = settings.mode === 'FILL_EMPTY';
  const current = updates.length
    ? await tx.deal.findMany({
        where: { id: { in: updates.map((u) => u.targetId) } },
        include: { tags: { select: { id: true } }, contacts: { select: { contactId: true } } },
      })
    : [];
  const byId = new Map(current.map((d) => [d.id, d]));
  for (const update of updates) {
    const record = byId.get(update.targetId);
    if (!record) continue;
    const before: UndoImage = { fields: {}, emails: [], phones: [], profiles: [], tags: [], notes: [], contacts: [] };
    const data: Record<string, unknown> = {};
    const take = (column: 'amountMinor' | 'currency' | 'expectedCloseDate' | 'ownerId' | 'companyId', next: unknown, held: unknown, same: boolean) => {
      if (next == null || same || (fillOnly && held != null)) return;
      before.fields[column] = typeof held === 'bigint' ? held.toString() : held;
      data[column] = next;
    };
    const values = update.values;
    take(
      'amountMinor',
      values.amountMinor == null ? null : BigInt(values.amountMinor),
      record.amountMinor,
      values.amountMinor === record.amountMinor?.toString(),
    );
    // A deal always has a currency, so "fill empty" keeps the one it has.
    if (!fillOnly) take('currency', values.currency, record.currency, values.currency === record.currency);
    take(
      'expectedCloseDate',
      values.closeDate ? new Date(values.closeDate) : null,
      record.expectedCloseDate,
      values.closeDate === record.expectedCloseDate?.toISOString().slice(0, 10),
    );
    take('ownerId', update.ownerId, record.ownerId, update.ownerId === record.ownerId);
    take('companyId', values.targets.companyId, record.companyId, values.targets.companyId === record.companyId);
    const custom = (record.customFields ?? {}) as Record<string, unknown>;
    const customChanges = Object.entries(values.custom).filter(
      ([key, value]) => custom[key] !== value && (!fillOnly || custom[key] == null || custom[key] === ''),
    );
    if (customChanges.length) {
      before.fields.customFields = custom;
      data.customFields = { ...custom, ...Object.fromEntries(customChanges) };
    }
    before.tags = [...new Set(values.tags.map(tagId))].filter((id) => !record.tags.some((t) => t.id === id));
    tagLinks.push(...before.tags.map((id) => [record.id, id] as const));
    before.contacts = values.targets.contactIds.filter((id) => !record.contacts.some((c) => c.contactId === id));
    contactLinks.push(...before.contacts.map((contactId) => ({ dealId: record.id, contactId })));
    if (Object.keys(data).length === 0 && before.tags.length === 0 && before.contacts.length === 0 && !values.note) {
      written.counts.skipped += 1;
      continue;
    }
    await tx.deal.update({ where: { id: record.id }, data: { ...data, updatedAt: now } });
    if (values.note) {
      const note = await tx.note.create({
        data: { workspaceId, body: values.note, dealId: record.id, createdById: importerId, createdAt: now, updatedAt: now },
        select: { id: true },
      });
      before.notes.push(note.id);
    }
    written.counts.updated += 1;
    written.records.push({ recordId: record.id, entity: 'DEAL', action: 'UPDATED', before });
  }
  await writeTagLinks(tx, '_DealToTag', tagLinks);
  if (contactLinks.length) await tx.dealContact.createMany({ data: contactLinks, skipDuplicates: true });
  await insertRows(tx, 'Note', DEAL_NOTE_COLUMNS, notes);
  written.noteIds = notes.map((note) => note.id as string);
  return written;
}

export async function writeDealBatch(tx: Tx, settings: RunSettings, directories: Directories, batch: PendingRow[], now: Date): Promise<Written> {
  const links: CompanyLinks = { toCreate: [] };
  return writeDeals(tx, settings, directories, await planDeals(tx, settings, directories, batch, links, now), links, now);
}
