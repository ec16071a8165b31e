// Deal rows: a deal is the same deal as another with the same name (case and spacing aside) at the same
// company, or with no company, in the workspace (docs/decisions.md). Pipeline and stage are found by name
// (the default pipeline and its first stage when absent), the company linked or booked like a contact's,
// the contacts linked by email.
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { uuidv7 } from '../activity-events/record-event.js';
import type { Decision, Directories, MatchSource, PendingRow, RunSettings } from './batch-types.js';
import { companyIdFor, type CompanyLinks } from './company-links.js';
import type { DealValues } from './deal-values.js';
import { checkRows, ownerOf } from './check-rows.js';
import { visibleWhere } from '../../auth/record-where.js';

type Db = PrismaClient | Prisma.TransactionClient;

export interface DealTargets {
  pipelineId: string;
  stage: { id: string; name: string; isWon: boolean; isLost: boolean };
  companyId: string | null;
  contactIds: string[];
}
export type PlannedDeal = DealValues & { targets: DealTargets };
export type DealDecision = Decision<PlannedDeal>;

export const dealKey = (name: string, companyId: string | null) => `${name.trim().replace(/\s+/g, ' ').toLowerCase()}|${companyId ?? ''}`;

async function pipelinesOf(db: Db, workspaceId: string) {
  return db.pipeline.findMany({
    where: { workspaceId },
    orderBy: [{ isDefault: 'desc' }, { position: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, stages: { orderBy: [{ position: 'asc' }, { id: 'asc' }], select: { id: true, name: true, isWon: true, isLost: true } } },
  });
}

export async function planDeals(
  db: Db,
  settings: RunSettings,
  directories: Directories,
  rows: PendingRow[],
  links: CompanyLinks,
  now: Date,
): Promise<DealDecision[]> {
  const checked = checkRows(rows, settings);
  const valid = checked.flatMap(({ check }) => (check.values?.entity === 'DEAL' ? [check.values.values] : []));
  const pipelines = await pipelinesOf(db, settings.workspaceId);
  const emails = [...new Set(valid.flatMap((v) => v.contactEmails))];
  const contactByEmail = new Map(
    emails.length
      ? (
          await db.contactEmail.findMany({
            where: { email: { in: emails }, contact: { deletedAt: null, ...visibleWhere(settings.access) } },
            select: { email: true, contactId: true },
          })
        ).map((e) => [e.email, e.contactId])
      : [],
  );
  const names = [...new Set(valid.map((v) => v.name.trim()))];
  const existing = names.length
    ? await db.deal.findMany({
        where: { workspaceId: settings.workspaceId, deletedAt: null, OR: names.map((name) => ({ name: { equals: name, mode: 'insensitive' as const } })) },
        select: { id: true, name: true, companyId: true },
        orderBy: { id: 'asc' },
      })
    : [];
  const visible = new Set(
    existing.length
      ? (await db.deal.findMany({ where: { id: { in: existing.map((d) => d.id) }, ...visibleWhere(settings.access) }, select: { id: true } })).map((d) => d.id)
      : [],
  );
  const inWorkspace = new Map<string, string>();
  for (const deal of existing) if (!inWorkspace.has(dealKey(deal.name, deal.companyId))) inWorkspace.set(dealKey(deal.name, deal.companyId), deal.id);
  const inBatch = new Map<string, DealDecision & { kind: 'create' | 'update' }>();

  return checked.map(({ row, check }): DealDecision => {
    if (!check.values || check.values.entity !== 'DEAL') return { row, kind: 'failed', reason: check.errors.join(' ') };
    const values = check.values.values;
    const pipeline = values.pipeline ? pipelines.find((p) => p.name.toLowerCase() === values.pipeline!.toLowerCase()) : pipelines[0];
    if (!pipeline)
      return {
        row,
        kind: 'failed',
        reason: values.pipeline ? `No pipeline is named "${values.pipeline}".` : 'The workspace has no pipeline; create one first.',
      };
    const stage = values.stage ? pipeline.stages.find((s) => s.name.toLowerCase() === values.stage!.toLowerCase()) : pipeline.stages[0];
    if (!stage)
      return {
        row,
        kind: 'failed',
        reason: values.stage ? `The pipeline "${pipeline.name}" has no stage named "${values.stage}".` : `The pipeline "${pipeline.name}" has no stages.`,
      };
    const owner = ownerOf(settings, directories, values.owner);
    if ('reason' in owner) return { row, kind: 'failed', reason: owner.reason };
    const { ownerId } = owner;
    const unknown = values.contactEmails.find((email) => !contactByEmail.has(email));
    if (unknown) return { row, kind: 'failed', reason: `No contact you can see has the email ${unknown}.` };
    const companyId = companyIdFor(settings, directories, links, values, now);
    const full = { ...values, targets: { pipelineId: pipeline.id, stage, companyId, contactIds: values.contactEmails.map((e) => contactByEmail.get(e)!) } };
    const key = dealKey(values.name, companyId);
    const earlier = inBatch.get(key);
    const match = earlier ? null : inWorkspace.get(key);
    if (match && !visible.has(match)) return { row, kind: 'failed', reason: 'A deal you cannot see has this name and company.' };
    const targetId = earlier ? (earlier.kind === 'create' ? earlier.id : earlier.targetId) : match;
    if (!targetId || settings.mode === 'CREATE_ANYWAY') {
      const decision = { row, kind: 'create' as const, id: uuidv7(), values: full, ownerId };
      if (!inBatch.has(key)) inBatch.set(key, decision);
      return decision;
    }
    const source: MatchSource = earlier ? (earlier.kind === 'create' ? 'IN_FILE' : earlier.match) : 'EXISTING';
    if (settings.mode === 'SKIP' || earlier) {
      // A deal twice in one batch: the first row wins (amounts are not summed or merged).
      return settings.mode === 'SKIP'
        ? { row, kind: 'skipped', match: source, targetId, values: full }
        : { row, kind: 'update', targetId, match: source, values: full, ownerId, folded: true };
    }
    const decision = { row, kind: 'update' as const, targetId, match: source, values: full, ownerId };
    inBatch.set(key, decision);
    return decision;
  });
}
