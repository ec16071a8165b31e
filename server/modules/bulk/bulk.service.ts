import { decodeGlobalID } from '@pothos/plugin-relay';
import { delegateOf } from '../../db/delegate.js';
import type { Context } from '../../context.js';
import { afterBulkWrite } from '../../db/statistics.js';
import { badInput, notFound } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { idFromGlobalId } from '../node/uuid.js';
import { putDealsInStage } from '../pipelines/stage-status.js';
import { MAX_BULK } from '../records/common.types.js';
import { assertLinksInWorkspace, assertMember, keysOf } from '../records/links.service.js';
import { assertMayDelete } from '../../auth/record-scopes.js';
import { changedFields, emitEvent } from '../activity-events/record-event.js';
import { recordAccess } from '../../auth/record-access.js';
import { visibleWhere } from '../../auth/record-where.js';

export type BulkModel = 'contact' | 'company' | 'deal';
const MODELS: Record<string, BulkModel> = { Contact: 'contact', Company: 'company', Deal: 'deal' };

interface Row {
  id: string;
  workspaceId: string;
  ownerId: string | null;
  createdById: string | null;
}

type Delegate = {
  findMany(args: object): Promise<Row[]>;
  updateMany(args: object): Promise<{ count: number }>;
  update(args: object): Promise<unknown>;
};

/** Decodes a homogeneous list of contact, company or deal IDs within the cap. */
export function bulkTarget(globalIds: readonly string[]) {
  if (globalIds.length === 0) throw badInput('Select at least one record.', 'ids');
  if (globalIds.length > MAX_BULK) throw badInput(`Bulk changes take at most ${MAX_BULK} records per call.`, 'ids');
  let typename = '';
  try {
    typename = decodeGlobalID(globalIds[0]!).typename;
  } catch {
    throw notFound('Record');
  }
  const model = MODELS[typename];
  if (!model) throw badInput('Bulk changes apply to contacts, companies or deals.', 'ids');
  return { model, typename, ids: keysOf(globalIds, typename) };
}

/** Every selected record must exist, be live and be visible in the selected workspace; else NOT_FOUND. */
export async function loadVisible(context: Context, workspaceId: string, model: BulkModel, ids: string[]) {
  const access = await recordAccess(context, workspaceId);
  const rows = await delegateOf<Delegate>(context.prisma, model).findMany({
    where: { AND: [visibleWhere(access), { id: { in: ids }, deletedAt: null }] },
    select: { id: true, workspaceId: true, ownerId: true, createdById: true },
  });
  if (rows.length !== ids.length) throw notFound('Record');
  return { rows, access };
}

export interface BulkChanges {
  ownerId?: string | null;
  addTagIds?: readonly string[] | null;
  removeTagIds?: readonly string[] | null;
  stageId?: string | null;
}

export async function bulkUpdate(context: Context, workspaceId: string, globalIds: readonly string[], changes: BulkChanges) {
  const { model, typename, ids } = bulkTarget(globalIds);
  if (changes.stageId && model !== 'deal') throw badInput('Only deals have stages.', 'stageId');
  await loadVisible(context, workspaceId, model, ids);
  const addTags = keysOf(changes.addTagIds ?? [], 'Tag');
  const removeTags = keysOf(changes.removeTagIds ?? [], 'Tag');
  await context.prisma.$transaction(async (tx) => {
    await assertLinksInWorkspace(tx, 'tag', [...addTags, ...removeTags], workspaceId, 'addTagIds');
    if (changes.ownerId) {
      const ownerId = idFromGlobalId(changes.ownerId, 'User', 'Owner');
      await assertMember(tx, ownerId, workspaceId, 'ownerId');
      await delegateOf<Delegate>(tx, model).updateMany({ where: { id: { in: ids } }, data: { ownerId } });
    }
    if (changes.stageId) await moveDeals(tx, context, workspaceId, ids, idFromGlobalId(changes.stageId, 'PipelineStage', 'Stage'));
    if (addTags.length + removeTags.length > 0) {
      for (const id of ids) {
        await delegateOf<Delegate>(tx, model).update({
          where: { id },
          data: { tags: { connect: addTags.map((tagId) => ({ id: tagId })), disconnect: removeTags.map((tagId) => ({ id: tagId })) } },
        });
      }
    }
    const fields = changedFields({
      ownerId: changes.ownerId ?? undefined,
      addTagIds: addTags.length ? addTags : undefined,
      removeTagIds: removeTags.length ? removeTags : undefined,
    });
    if (fields.fields.length > 0) for (const id of ids) await emitEvent(tx, context, { id, workspaceId }, typename, 'updated', { ...fields, bulk: true });
  });
  await afterBulkWrite(context.app.db);
  return { model, ids };
}

/** Moves deals to a stage of their own pipeline, recording each move and the won/lost status. */
async function moveDeals(tx: Prisma.TransactionClient, context: Context, workspaceId: string, dealIds: string[], stageId: string) {
  const stage = await tx.pipelineStage.findFirst({ where: { id: stageId, workspaceId } });
  if (!stage) throw badInput('That stage was not found in this workspace.', 'stageId');
  const deals = await tx.deal.findMany({ where: { id: { in: dealIds } }, select: { id: true, pipelineId: true, stageId: true } });
  if (deals.some((d) => d.pipelineId !== stage.pipelineId)) throw badInput("The stage must belong to every selected deal's pipeline.", 'stageId');
  const moving = deals.filter((d) => d.stageId !== stage.id);
  const fromStages = await tx.pipelineStage.findMany({ where: { id: { in: [...new Set(moving.map((d) => d.stageId))] } }, select: { id: true, name: true } });
  const nameOf = new Map(fromStages.map((s) => [s.id, s.name]));
  await putDealsInStage(tx, { id: { in: moving.map((d) => d.id) } }, stage);
  await tx.dealStageChange.createMany({
    data: moving.map((d) => ({
      workspaceId,
      dealId: d.id,
      fromStageId: d.stageId,
      fromStageName: nameOf.get(d.stageId) ?? null,
      toStageId: stage.id,
      toStageName: stage.name,
      changedById: context.viewer?.user.id ?? null,
    })),
  });
  for (const d of moving)
    await emitEvent(tx, context, { id: d.id, workspaceId }, 'Deal', 'stage_moved', { from: nameOf.get(d.stageId) ?? null, to: stage.name, bulk: true });
}

/** Moves up to MAX_BULK records to the trash; all or nothing, each one subject to the delete rule. */
export async function bulkDelete(context: Context, workspaceId: string, globalIds: readonly string[]) {
  const { model, typename, ids } = bulkTarget(globalIds);
  const { rows, access } = await loadVisible(context, workspaceId, model, ids);
  for (const row of rows) assertMayDelete(access, model, row);
  await context.prisma.$transaction(async (tx) => {
    await delegateOf<Delegate>(tx, model).updateMany({ where: { id: { in: ids } }, data: { deletedAt: new Date() } });
    for (const id of ids) await emitEvent(tx, context, { id, workspaceId }, typename, 'deleted', { bulk: true });
  });
  await afterBulkWrite(context.app.db);
  return ids.length;
}
