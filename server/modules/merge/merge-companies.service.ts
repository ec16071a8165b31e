import type { Context } from '../../context.js';
import { delegateOf } from '../../db/delegate.js';
import { badInput, notFound } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { requireViewer } from '../accounts/session.service.js';
import { MAX_MERGE } from './merge-contacts.service.js';
import { mergedCustomFields, type FieldChoice } from './custom-choices.js';
import { emitEvent } from '../activity-events/record-event.js';
import { recordAccess } from '../../auth/record-access.js';
import { visibleWhere } from '../../auth/record-where.js';

type Tx = Prisma.TransactionClient;
type CompanyRow = Prisma.CompanyGetPayload<{ include: { tags: { select: { id: true } } } }>;

const FILLABLE = ['domain', 'website', 'industry', 'size', 'street', 'city', 'region', 'postalCode', 'country', 'phone', 'linkedinUrl', 'ownerId'] as const;

function filledFields(survivor: CompanyRow, merged: CompanyRow[], choices: FieldChoice[]) {
  const fields: Partial<Record<(typeof FILLABLE)[number], string | null>> = {};
  for (const key of FILLABLE) fields[key] = survivor[key] ?? merged.find((m) => m[key] != null)?.[key] ?? null;
  return { ...fields, customFields: mergedCustomFields(survivor, merged, choices) as Prisma.InputJsonValue };
}

async function moveChildren(tx: Tx, survivor: CompanyRow, mergedIds: string[], choices: FieldChoice[]) {
  const merged = await tx.company.findMany({ where: { id: { in: mergedIds } }, include: { tags: { select: { id: true } } } });
  const from = { companyId: { in: mergedIds } };
  for (const model of ['contact', 'deal', 'activity', 'note', 'communication', 'file', 'recordShare'] as const) {
    const delegate = delegateOf<{ updateMany(args: object): Promise<unknown> }>(tx, model);
    await delegate.updateMany({ where: from, data: { companyId: survivor.id } });
  }
  // A merged company's domain may move to the survivor: free it first (domains are unique).
  await tx.company.updateMany({ where: { id: { in: mergedIds } }, data: { domain: null } });
  const tagIds = [...new Set(merged.flatMap((m) => m.tags.map((t) => t.id)))];
  await tx.company.update({
    where: { id: survivor.id },
    data: { ...filledFields(survivor, merged, choices), tags: { connect: tagIds.map((id) => ({ id })) } },
  });
  return merged;
}

/** Like mergeContacts, for companies: contacts, deals, activities, notes, communications, files move over. */
export async function mergeCompanies(context: Context, survivorId: string, mergedIds: string[], choices: FieldChoice[] = []) {
  const viewer = requireViewer(context);
  const ids = [...new Set(mergedIds)].filter((id) => id !== survivorId);
  if (ids.length === 0) throw badInput('Name at least one other company to merge into the survivor.', 'duplicateIds');
  if (ids.length > MAX_MERGE) throw badInput(`Merge at most ${MAX_MERGE} companies at a time.`, 'duplicateIds');
  const survivor = await context.prisma.company.findUnique({ where: { id: survivorId }, include: { tags: { select: { id: true } } } });
  if (!survivor || survivor.deletedAt) throw notFound('Company');
  const access = await recordAccess(context, survivor.workspaceId);
  const visible = await context.prisma.company.count({
    where: { AND: [visibleWhere(access), { id: { in: [survivorId, ...ids] }, deletedAt: null }] },
  });
  if (visible !== ids.length + 1) throw notFound('Company');

  return context.prisma.$transaction(async (tx) => {
    const merged = await moveChildren(tx, survivor, ids, choices);
    await tx.mergeRecord.createMany({
      data: merged.map((m) => ({
        workspaceId: survivor.workspaceId,
        entityType: 'Company',
        survivorId,
        mergedId: m.id,
        mergedById: viewer.user.id,
        snapshot: JSON.parse(JSON.stringify(m)) as Prisma.InputJsonValue,
      })),
    });
    await tx.company.deleteMany({ where: { id: { in: ids } } });
    return tx.company.findUniqueOrThrow({ where: { id: survivorId } }).then((row) => emitEvent(tx, context, row, 'Company', 'merged', { mergedIds: ids }));
  });
}
