// Stage edits: every change to a pipeline's stages runs in one transaction and keeps positions 0..n-1.
import type { Context } from '../../context.js';
import { badInput } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { requireViewer } from '../accounts/session.service.js';
import { idFromGlobalId } from '../node/uuid.js';
import { MAX_STAGES, type StageInputShape, type StageUpdateShape } from './pipeline.inputs.js';
import { assertDistinctNames, assertNoDeals, stageColumns } from './pipeline.service.js';
import { putDealsInStage } from './stage-status.js';
import { changedFields, emitEvent } from '../activity-events/record-event.js';

type Tx = Prisma.TransactionClient;

async function stagesOf(tx: Tx, pipelineId: string) {
  return tx.pipelineStage.findMany({ where: { pipelineId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
}

/** Gives each stage, in the given order, its slot (0..n-1, skipping `gap`); only changed rows are written. */
async function renumber(tx: Tx, ordered: Array<{ id: string; position: number }>, gap = -1) {
  for (const [i, stage] of ordered.entries()) {
    const position = gap >= 0 && i >= gap ? i + 1 : i;
    if (stage.position !== position) await tx.pipelineStage.update({ where: { id: stage.id }, data: { position } });
  }
}

export function addStage(context: Context, pipelineId: string, input: StageInputShape, position?: number | null) {
  return context.prisma.$transaction(async (tx) => {
    const pipeline = await tx.pipeline.findUniqueOrThrow({ where: { id: pipelineId } });
    const stages = await stagesOf(tx, pipelineId);
    if (stages.length >= MAX_STAGES) throw badInput(`A pipeline has at most ${MAX_STAGES} stages.`);
    assertDistinctNames([...stages.map((s) => s.name), input.name], 'input.name');
    const columns = stageColumns(input, 'input');
    const at = Math.min(position ?? stages.length, stages.length);
    await renumber(tx, stages, at);
    return tx.pipelineStage
      .create({ data: { ...columns, position: at, pipelineId, workspaceId: pipeline.workspaceId } })
      .then((row) => emitEvent(tx, context, row, 'PipelineStage', 'created'));
  });
}

export function updateStage(context: Context, id: string, input: StageUpdateShape) {
  return context.prisma.$transaction(async (tx) => {
    const stage = await tx.pipelineStage.findUniqueOrThrow({ where: { id } });
    if (input.name != null) {
      const siblings = await tx.pipelineStage.findMany({ where: { pipelineId: stage.pipelineId, id: { not: id } }, select: { name: true } });
      assertDistinctNames([...siblings.map((s) => s.name), input.name], 'input.name');
    }
    // Marking a stage won clears "lost" (and the reverse) unless the same call says otherwise.
    const flags = {
      isWon: input.isWon ?? (input.isLost ? false : stage.isWon),
      isLost: input.isLost ?? (input.isWon ? false : stage.isLost),
    };
    if (flags.isWon && flags.isLost) throw badInput('A stage can be won or lost, not both.', 'input.isLost');
    const updated = await tx.pipelineStage.update({
      where: { id },
      data: { name: input.name?.trim() ?? undefined, probability: input.probability ?? undefined, ...flags },
    });
    if (flags.isWon !== stage.isWon || flags.isLost !== stage.isLost) await putDealsInStage(tx, { stageId: id }, updated);
    return emitEvent(tx, context, updated, 'PipelineStage', 'updated', changedFields(input));
  });
}

export function reorderStages(context: Context, pipelineId: string, stageGlobalIds: readonly string[]) {
  return context.prisma.$transaction(async (tx) => {
    const pipeline = await tx.pipeline.findUniqueOrThrow({ where: { id: pipelineId } });
    const stages = await stagesOf(tx, pipelineId);
    const ids = stageGlobalIds.map((gid) => idFromGlobalId(gid, 'PipelineStage', 'Stage'));
    const byId = new Map(stages.map((stage) => [stage.id, stage]));
    if (ids.length !== stages.length || new Set(ids).size !== ids.length || ids.some((id) => !byId.has(id))) {
      throw badInput("List each of this pipeline's stages exactly once, in the new order.", 'stageIds');
    }
    await renumber(
      tx,
      ids.map((id) => byId.get(id)!),
    );
    await emitEvent(tx, context, pipeline, 'Pipeline', 'stages_reordered');
    return { id: pipelineId };
  });
}

/**
 * Deletes a stage. Deals in it (the trash counts) block this unless `moveDealsTo` names another stage of
 * the same pipeline: they move there first, each move recorded in the deal's history.
 */
export function deleteStage(context: Context, id: string, moveDealsTo?: string | null) {
  const viewer = requireViewer(context);
  return context.prisma.$transaction(async (tx) => {
    const stage = await tx.pipelineStage.findUniqueOrThrow({ where: { id } });
    const stages = await stagesOf(tx, stage.pipelineId);
    if (stages.length === 1) throw badInput('A pipeline needs at least one stage; delete the pipeline instead.');
    if (moveDealsTo) {
      const targetId = idFromGlobalId(moveDealsTo, 'PipelineStage', 'Stage');
      const target = stages.find((s) => s.id === targetId && s.id !== id);
      if (!target) throw badInput('Move the deals to another stage of the same pipeline.', 'moveDealsTo');
      const moving = await tx.deal.findMany({ where: { stageId: id }, select: { id: true } });
      await putDealsInStage(tx, { stageId: id }, target);
      await tx.dealStageChange.createMany({
        data: moving.map((deal) => ({
          workspaceId: stage.workspaceId,
          dealId: deal.id,
          fromStageId: id,
          fromStageName: stage.name,
          toStageId: target.id,
          toStageName: target.name,
          changedById: viewer.user.id,
        })),
      });
      for (const deal of moving)
        await emitEvent(tx, context, { id: deal.id, workspaceId: stage.workspaceId }, 'Deal', 'stage_moved', { from: stage.name, to: target.name });
    } else {
      await assertNoDeals(tx, { stageId: id }, 'stage');
    }
    await tx.pipelineStage.delete({ where: { id } });
    await renumber(
      tx,
      stages.filter((s) => s.id !== id),
    );
    await emitEvent(tx, context, stage, 'PipelineStage', 'deleted', { name: stage.name });
    return { id: stage.pipelineId };
  });
}
