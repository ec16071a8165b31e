import type { Context } from '../../context.js';
import { delegateOf, type Counter } from '../../db/delegate.js';
import { badInput } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { requireViewer } from '../accounts/session.service.js';
import { idFromGlobalId } from '../node/uuid.js';
import { statusAfterEntering } from '../pipelines/stage-status.js';
import { assertLinksInWorkspace, assertMember, keysOf } from '../records/links.service.js';
import { normalizeCurrency } from '../records/normalize.js';
import type { DealInputShape } from './deal.inputs.js';
import { customWrite, withCustomKeys } from '../custom-fields/record-values.js';
import { changedFields, emitEvent } from '../activity-events/record-event.js';
import { recordAccess } from '../../auth/record-access.js';
import type { RecordAccess } from '../../auth/record-rules.js';
import { visibleWhere } from '../../auth/record-where.js';

type Tx = Prisma.TransactionClient;

/** Linked companies and contacts must be live, in the workspace, and visible to the viewer. */
async function assertVisibleLinks(tx: Tx, access: RecordAccess, model: 'company' | 'contact', ids: string[], field: string) {
  await assertLinksInWorkspace(tx, model, ids, access.workspaceId, field);
  const delegate = delegateOf<Counter>(tx, model);
  const visible = await delegate.count({ where: { id: { in: ids }, ...visibleWhere(access) } });
  if (visible !== ids.length) throw badInput(`A linked ${model} was not found in this workspace.`, field);
}

const orNull = <T>(value: T | null | undefined, map: (v: T) => unknown) => (value === undefined ? undefined : value === null ? null : map(value));

/** Turns validated input into column values: undefined leaves a field alone, null clears it. */
async function dealColumns(tx: Tx, access: RecordAccess, input: DealInputShape) {
  const ownerId = input.ownerId === undefined ? undefined : input.ownerId && idFromGlobalId(input.ownerId, 'User', 'Owner');
  if (ownerId) await assertMember(tx, ownerId, access.workspaceId, 'input.ownerId');
  const companyId = input.companyId === undefined ? undefined : input.companyId && idFromGlobalId(input.companyId, 'Company');
  if (companyId) await assertVisibleLinks(tx, access, 'company', [companyId], 'input.companyId');
  const contactIds = input.contactIds ? keysOf(input.contactIds, 'Contact') : undefined;
  if (contactIds) await assertVisibleLinks(tx, access, 'contact', contactIds, 'input.contactIds');
  const tagIds = input.tagIds ? keysOf(input.tagIds, 'Tag') : undefined;
  if (tagIds) await assertLinksInWorkspace(tx, 'tag', tagIds, access.workspaceId, 'input.tagIds');
  return {
    columns: {
      name: input.name?.trim(),
      amountMinor: orNull(input.amountMinor, (v) => BigInt(v)) as bigint | null | undefined,
      // A deal always has a currency: null leaves it as it is.
      currency: input.currency == null ? undefined : normalizeCurrency(input.currency, 'input.currency'),
      expectedCloseDate: input.expectedCloseDate,
      visibility: input.visibility ?? undefined,
      ownerId: ownerId === undefined ? undefined : ownerId || null,
      companyId: companyId === undefined ? undefined : companyId || null,
    },
    contactIds,
    tagIds,
  };
}

/** The stage a new deal starts in: the one named, else the first of the pipeline named, else of the default pipeline. */
async function initialStage(tx: Tx, workspaceId: string, input: DealInputShape) {
  const pipelineId = input.pipelineId ? idFromGlobalId(input.pipelineId, 'Pipeline') : null;
  if (input.stageId) {
    const stage = await tx.pipelineStage.findFirst({ where: { id: idFromGlobalId(input.stageId, 'PipelineStage', 'Stage'), workspaceId } });
    if (!stage) throw badInput('That stage was not found in this workspace.', 'input.stageId');
    if (pipelineId && stage.pipelineId !== pipelineId) throw badInput('That stage belongs to another pipeline.', 'input.stageId');
    return stage;
  }
  const pipeline = await tx.pipeline.findFirst({
    where: { workspaceId, ...(pipelineId ? { id: pipelineId } : {}) },
    orderBy: [{ isDefault: 'desc' }, { position: 'asc' }, { id: 'asc' }],
  });
  if (!pipeline) {
    throw badInput(pipelineId ? 'That pipeline was not found in this workspace.' : 'This workspace has no pipeline; create one first.', 'input.pipelineId');
  }
  const stage = await tx.pipelineStage.findFirst({ where: { pipelineId: pipeline.id }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
  if (!stage) throw badInput('That pipeline has no stages.', 'input.pipelineId');
  return stage;
}

export async function createDeal(context: Context, workspaceId: string, input: DealInputShape) {
  if (!input.name?.trim()) throw badInput('Name is required.', 'input.name');
  const viewer = requireViewer(context);
  // Read through context.prisma before the transaction opens: PGlite has a single connection.
  const access = await recordAccess(context, workspaceId);
  return context.prisma.$transaction(async (tx) => {
    const stage = await initialStage(tx, workspaceId, input);
    const { columns, contactIds, tagIds } = await dealColumns(tx, access, input);
    const custom = await customWrite(tx, { workspaceId, entity: 'DEAL', recordId: null, current: {} }, input.customFields);
    const deal = await tx.deal.create({
      data: {
        ...columns,
        customFields: custom.document,
        name: input.name!.trim(),
        workspaceId,
        pipelineId: stage.pipelineId,
        stageId: stage.id,
        ...statusAfterEntering(stage, null),
        createdById: viewer.user.id,
        ownerId: columns.ownerId === undefined ? viewer.user.id : columns.ownerId,
        tags: tagIds ? { connect: tagIds.map((id) => ({ id })) } : undefined,
        contacts: contactIds ? { create: contactIds.map((contactId) => ({ contactId })) } : undefined,
      },
    });
    await tx.dealStageChange.create({
      data: { workspaceId, dealId: deal.id, fromStageId: null, toStageId: stage.id, toStageName: stage.name, changedById: viewer.user.id },
    });
    return emitEvent(tx, context, deal, 'Deal', 'created', { stage: stage.name });
  });
}

export async function updateDeal(context: Context, id: string, input: DealInputShape) {
  if (input.pipelineId !== undefined || input.stageId !== undefined) {
    throw badInput('Use moveDeal to change the stage or pipeline of a deal.', input.stageId !== undefined ? 'input.stageId' : 'input.pipelineId');
  }
  const current = await context.prisma.deal.findUniqueOrThrow({ where: { id, deletedAt: null }, select: { workspaceId: true } });
  const access = await recordAccess(context, current.workspaceId);
  return context.prisma.$transaction(async (tx) => {
    const { columns, contactIds, tagIds } = await dealColumns(tx, access, input);
    const before = await tx.deal.findUniqueOrThrow({ where: { id }, select: { customFields: true } });
    const custom = await customWrite(tx, { workspaceId: current.workspaceId, entity: 'DEAL', recordId: id, current: before.customFields }, input.customFields);
    if (contactIds) {
      // Only links the viewer can see are replaced: a private or trashed contact stays linked.
      await tx.dealContact.deleteMany({
        where: { dealId: id, contactId: { notIn: contactIds }, contact: { deletedAt: null, ...visibleWhere(access) } },
      });
      await tx.dealContact.createMany({ data: contactIds.map((contactId) => ({ dealId: id, contactId })), skipDuplicates: true });
    }
    return tx.deal
      .update({
        where: { id },
        data: { ...columns, customFields: custom.document, tags: tagIds ? { set: tagIds.map((tagId) => ({ id: tagId })) } : undefined },
      })
      .then((row) => emitEvent(tx, context, row, 'Deal', 'updated', withCustomKeys(changedFields(input), custom.changedKeys)));
  });
}

/**
 * Moves a live deal to a stage of its pipeline (or of `pipelineId`, moving it there), recording the move
 * and deriving status and closedAt from the stage. Moving to the stage it is in changes nothing.
 */
export async function moveDeal(context: Context, id: string, stageGlobalId: string, pipelineGlobalId?: string | null) {
  const viewer = requireViewer(context);
  const stageId = idFromGlobalId(stageGlobalId, 'PipelineStage', 'Stage');
  const pipelineId = pipelineGlobalId ? idFromGlobalId(pipelineGlobalId, 'Pipeline') : null;
  return context.prisma.$transaction(async (tx) => {
    const deal = await tx.deal.findUniqueOrThrow({ where: { id, deletedAt: null } });
    const stage = await tx.pipelineStage.findFirst({ where: { id: stageId, workspaceId: deal.workspaceId } });
    if (!stage) throw badInput('That stage was not found in this workspace.', 'stageId');
    if (stage.pipelineId !== (pipelineId ?? deal.pipelineId)) {
      throw badInput(
        pipelineId ? 'That stage belongs to another pipeline.' : 'That stage is in another pipeline; pass its pipelineId to move the deal there.',
        'stageId',
      );
    }
    if (stage.id === deal.stageId) return deal;
    const from = await tx.pipelineStage.findUniqueOrThrow({ where: { id: deal.stageId }, select: { name: true } });
    await tx.dealStageChange.create({
      data: {
        workspaceId: deal.workspaceId,
        dealId: id,
        fromStageId: deal.stageId,
        fromStageName: from.name,
        toStageId: stage.id,
        toStageName: stage.name,
        changedById: viewer.user.id,
      },
    });
    return tx.deal
      .update({ where: { id }, data: { stageId: stage.id, pipelineId: stage.pipelineId, ...statusAfterEntering(stage, deal) } })
      .then((row) => emitEvent(tx, context, row, 'Deal', 'stage_moved', { from: from.name, to: stage.name, status: row.status }));
  });
}
