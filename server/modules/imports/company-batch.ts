// Company rows: matched by domain, then normalised name (the workspace's companies, earlier rows of the file
// included), then written in bulk like contacts.
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { uuidv7 } from '../activity-events/record-event.js';
import type { CompanyDecision, Directories, MatchSource, PendingRow, RunSettings } from './batch-types.js';
import { normalizeCompanyName, type CompanyValues } from './row-values.js';
import { checkRows, ownerOf } from './check-rows.js';
import { recordTail, sortDecisions, writeTagLinks, type UndoImage, type Written } from './write-common.js';
import { COMPANY_COLUMNS, insertRows, NOTE_COLUMNS } from './bulk-insert.js';
import { visibleWhere } from '../../auth/record-where.js';

type Db = PrismaClient | Prisma.TransactionClient;
type Tx = Prisma.TransactionClient;

const COLUMNS = ['name', 'domain', 'website', 'industry', 'size', 'phone', 'street', 'city', 'region', 'postalCode', 'country', 'linkedinUrl'] as const;

function merge(target: CompanyValues, incoming: CompanyValues, fillOnly: boolean): CompanyValues {
  const merged = { ...target } as CompanyValues & Record<string, unknown>;
  for (const column of COLUMNS) {
    const next = incoming[column];
    if (next && (!fillOnly || !merged[column])) merged[column] = next;
  }
  const seen = new Set(target.tags.map((t) => t.toLowerCase()));
  merged.tags = [...target.tags, ...incoming.tags.filter((t) => !seen.has(t.toLowerCase()))];
  merged.note = [target.note, incoming.note].filter(Boolean).join('\n\n') || undefined;
  merged.custom = fillOnly ? { ...incoming.custom, ...target.custom } : { ...target.custom, ...incoming.custom };
  return merged;
}

export async function planCompanies(db: Db, settings: RunSettings, directories: Directories, rows: PendingRow[]): Promise<CompanyDecision[]> {
  const checked = checkRows(rows, settings);
  const candidates = checked.flatMap(({ check }) => (check.values?.entity === 'COMPANY' ? [check.values.values] : []));
  const matchedIds = [...new Set(candidates.map((c) => directories.companies.find(c.name, c.domain)).filter((id): id is string => Boolean(id)))];
  const visible = new Set(
    matchedIds.length
      ? (await db.company.findMany({ where: { id: { in: matchedIds }, ...visibleWhere(settings.access) }, select: { id: true } })).map((c) => c.id)
      : [],
  );
  const inBatch = new Map<string, CompanyDecision & { kind: 'create' | 'update' }>();
  const fillOnly = settings.mode === 'FILL_EMPTY';
  const keysOf = (values: CompanyValues) =>
    [values.domain ? `d:${values.domain}` : '', `n:${normalizeCompanyName(values.name)}`].filter((k) => k && k !== 'n:');

  return checked.map(({ row, check }): CompanyDecision => {
    if (!check.values || check.values.entity !== 'COMPANY') return { row, kind: 'failed', reason: check.errors.join(' ') };
    const values = check.values.values;
    const owner = ownerOf(settings, directories, values.owner);
    if ('reason' in owner) return { row, kind: 'failed', reason: owner.reason };
    const { ownerId } = owner;
    const earlier = keysOf(values)
      .map((key) => inBatch.get(key))
      .find(Boolean);
    const existing = earlier ? null : directories.companies.find(values.name, values.domain);
    const trashedDomain = values.domain ? directories.companies.byDomain.get(values.domain) : undefined;
    if (!earlier && !existing && trashedDomain?.deleted) {
      return { row, kind: 'failed', reason: `The domain ${values.domain} belongs to a company in the trash: restore it, or delete it for good, first.` };
    }
    if (existing && !visible.has(existing)) return { row, kind: 'failed', reason: 'A company you cannot see has this domain or name.' };
    const targetId = earlier ? (earlier.kind === 'create' ? earlier.id : earlier.targetId) : existing;
    if (!targetId || settings.mode === 'CREATE_ANYWAY') {
      if (targetId && values.domain && (!directories.companies.domainFree(values.domain) || inBatch.has(`d:${values.domain}`))) {
        return { row, kind: 'failed', reason: `The domain ${values.domain} already belongs to another company (domains are unique in a workspace).` };
      }
      const decision = { row, kind: 'create' as const, id: uuidv7(), values, ownerId };
      for (const key of keysOf(values)) if (!inBatch.has(key)) inBatch.set(key, decision);
      return decision;
    }
    const match: MatchSource = earlier ? (earlier.kind === 'create' ? 'IN_FILE' : earlier.match) : 'EXISTING';
    if (settings.mode === 'SKIP') return { row, kind: 'skipped', match, targetId, values };
    if (earlier) {
      earlier.values = merge(earlier.values, values, fillOnly);
      if (ownerId && (!fillOnly || !earlier.ownerId)) earlier.ownerId = ownerId;
      return { row, kind: 'update', targetId, match, values, ownerId, folded: true };
    }
    const decision = { row, kind: 'update' as const, targetId, match, values, ownerId };
    for (const key of keysOf(values)) if (!inBatch.has(key)) inBatch.set(key, decision);
    return decision;
  });
}

export async function writeCompanies(tx: Tx, settings: RunSettings, directories: Directories, decisions: CompanyDecision[], now: Date): Promise<Written> {
  const { workspaceId, importerId } = settings;
  const { written, creates, updates } = sortDecisions(decisions, 'updated');
  const tagIds = await directories.tags.ensure(
    tx,
    [...creates, ...updates].flatMap((d) => d.values.tags),
  );
  const tagId = (name: string) => tagIds.get(name.toLowerCase())!;
  const tagLinks: Array<readonly [string, string]> = [];
  const notes: Array<Record<string, unknown>> = [];

  if (creates.length) {
    await insertRows(
      tx,
      'Company',
      COMPANY_COLUMNS,
      creates.map(({ id, values, ownerId }) => {
        directories.companies.add(id, values.name, values.domain);
        const columns = Object.fromEntries(COLUMNS.map((c) => [c, values[c] ?? null]));
        return {
          ...columns,
          name: values.name,
          id,
          workspaceId,
          ...recordTail(settings, ownerId, values.custom, now),
        };
      }),
    );
    for (const { id, values } of creates) {
      written.records.push({ recordId: id, entity: 'COMPANY', action: 'CREATED', before: null });
      tagLinks.push(...values.tags.map((name) => [id, tagId(name)] as const));
      if (values.note) notes.push({ workspaceId, body: values.note, companyId: id, createdById: importerId, createdAt: now, updatedAt: now });
    }
    written.counts.created += creates.length;
  }

  const current = updates.length
    ? await tx.company.findMany({ where: { id: { in: updates.map((u) => u.targetId) } }, include: { tags: { select: { id: true } } } })
    : [];
  const byId = new Map(current.map((c) => [c.id, c]));
  const fillOnly = settings.mode === 'FILL_EMPTY';
  for (const update of updates) {
    const record = byId.get(update.targetId);
    if (!record) continue;
    const before: UndoImage = { fields: {}, emails: [], phones: [], profiles: [], tags: [], notes: [] };
    const data: Record<string, unknown> = {};
    for (const column of COLUMNS) {
      const next = update.values[column];
      const now = record[column];
      // A domain is unique: another company's is never taken over.
      if (column === 'domain' && next && next !== now && !directories.companies.domainFree(next)) continue;
      if (!next || next === now || (fillOnly && now)) continue;
      before.fields[column] = now;
      data[column] = next;
    }
    if (update.ownerId && update.ownerId !== record.ownerId && (!fillOnly || !record.ownerId)) {
      before.fields.ownerId = record.ownerId;
      data.ownerId = update.ownerId;
    }
    const custom = (record.customFields ?? {}) as Record<string, unknown>;
    const customChanges = Object.entries(update.values.custom).filter(
      ([key, value]) => custom[key] !== value && (!fillOnly || custom[key] == null || custom[key] === ''),
    );
    if (customChanges.length) {
      before.fields.customFields = custom;
      data.customFields = { ...custom, ...Object.fromEntries(customChanges) };
    }
    const newTags = [...new Set(update.values.tags.map(tagId))].filter((id) => !record.tags.some((t) => t.id === id));
    before.tags = newTags;
    tagLinks.push(...newTags.map((id) => [record.id, id] as const));
    if (Object.keys(data).length === 0 && newTags.length === 0 && !update.values.note) {
      written.counts.skipped += 1;
      continue;
    }
    if (typeof data.domain === 'string') directories.companies.add(record.id, record.name, data.domain);
    // Updates of companies are few next to contacts; one statement each keeps the code plain.
    await tx.company.update({ where: { id: record.id }, data: { ...data, updatedAt: now } });
    if (update.values.note) {
      const note = await tx.note.create({
        data: { workspaceId, body: update.values.note, companyId: record.id, createdById: importerId, createdAt: now, updatedAt: now },
        select: { id: true },
      });
      before.notes.push(note.id);
    }
    written.counts.updated += 1;
    written.records.push({ recordId: record.id, entity: 'COMPANY', action: 'UPDATED', before });
  }
  await writeTagLinks(tx, '_CompanyToTag', tagLinks);
  await insertRows(tx, 'Note', NOTE_COLUMNS, notes);
  written.noteIds = notes.map((note) => note.id as string);
  return written;
}
