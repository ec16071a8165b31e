import type { Context } from '../../context.js';
import { badInput, rethrowUniqueViolation } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { type PipelineInputShape, type PipelineUpdateShape, type StageInputShape } from './pipeline.inputs.js';
import { changedFields, emitEvent } from '../activity-events/record-event.js';

type Tx = Prisma.TransactionClient;

export const DEFAULT_PIPELINE = {
  name: 'Sales',
  stages: [
    { name: 'Lead', probability: 10 },
    { name: 'Qualified', probability: 25 },
    { name: 'Proposal', probability: 50 },
    { name: 'Negotiation', probability: 75 },
    { name: 'Won', probability: 100, isWon: true },
    { name: 'Lost', probability: 0, isLost: true },
  ],
} satisfies PipelineInputShape;

const DUPLICATE_NAME = 'A pipeline with this name already exists in this workspace.';

export function stageColumns(input: StageInputShape, field: string) {
  if (input.isWon && input.isLost) throw badInput('A stage can be won or lost, not both.', field);
  return { name: input.name.trim(), probability: input.probability ?? 0, isWon: !!input.isWon, isLost: !!input.isLost };
}

export function assertDistinctNames(names: string[], field: string) {
  const folded = names.map((n) => n.trim().toLowerCase());
  if (new Set(folded).size !== folded.length) throw badInput('Stage names must differ within a pipeline.', field);
}

async function insertPipeline(tx: Tx, workspaceId: string, input: PipelineInputShape) {
  if (input.stages.length === 0) throw badInput('A pipeline needs at least one stage.', 'input.stages');
  assertDistinctNames(
    input.stages.map((s) => s.name),
    'input.stages',
  );
  const stages = input.stages.map((stage, i) => stageColumns(stage, `input.stages.${i}`));
  const existing = await tx.pipeline.aggregate({ where: { workspaceId }, _max: { position: true }, _count: { _all: true } });
  return tx.pipeline.create({
    data: {
      workspaceId,
      name: input.name.trim(),
      isDefault: existing._count._all === 0,
      position: (existing._max.position ?? -1) + 1,
      stages: { create: stages.map((stage, position) => ({ ...stage, position, workspaceId })) },
    },
  });
}

/** Every workspace starts with the "Sales" pipeline; call inside the transaction that creates it. */
export function createDefaultPipeline(tx: Tx, workspaceId: string) {
  return insertPipeline(tx, workspaceId, DEFAULT_PIPELINE);
}

export function createPipeline(context: Context, workspaceId: string, input: PipelineInputShape) {
  return context.prisma
    .$transaction((tx) => insertPipeline(tx, workspaceId, input).then((row) => emitEvent(tx, context, row, 'Pipeline', 'created')))
    .catch((error: unknown) => rethrowUniqueViolation(error, DUPLICATE_NAME, 'input.name'));
}

export function updatePipeline(context: Context, id: string, input: PipelineUpdateShape) {
  return context.prisma
    .$transaction(async (tx) => {
      const pipeline = await tx.pipeline.findUniqueOrThrow({ where: { id } });
      if (input.isDefault === false && pipeline.isDefault) {
        throw badInput('Make another pipeline the default instead; a workspace always has one.', 'input.isDefault');
      }
      if (input.isDefault && !pipeline.isDefault) {
        await tx.pipeline.updateMany({ where: { workspaceId: pipeline.workspaceId, isDefault: true }, data: { isDefault: false } });
      }
      return tx.pipeline
        .update({
          where: { id },
          data: { name: input.name?.trim() ?? undefined, isDefault: input.isDefault ? true : undefined },
        })
        .then((row) => emitEvent(tx, context, row, 'Pipeline', 'updated', changedFields(input)));
    })
    .catch((error: unknown) => rethrowUniqueViolation(error, DUPLICATE_NAME, 'input.name'));
}

/** Deals in the trash still belong to their pipeline and stage, so they count here. */
export async function assertNoDeals(tx: Tx, where: Prisma.DealWhereInput, what: string) {
  const deals = await tx.deal.count({ where });
  if (deals > 0) {
    throw badInput(`${deals} deal${deals === 1 ? ' is' : 's are'} in this ${what} (the trash counts too); move them first.`);
  }
}

export function deletePipeline(context: Context, id: string) {
  return context.prisma.$transaction(async (tx) => {
    const pipeline = await tx.pipeline.findUniqueOrThrow({ where: { id } });
    const others = await tx.pipeline.findMany({ where: { workspaceId: pipeline.workspaceId, id: { not: id } }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
    if (others.length === 0) throw badInput('A workspace needs at least one pipeline.');
    await assertNoDeals(tx, { pipelineId: id }, 'pipeline');
    await tx.pipeline.delete({ where: { id } });
    if (pipeline.isDefault) await tx.pipeline.update({ where: { id: others[0]!.id }, data: { isDefault: true } });
    return emitEvent(tx, context, pipeline, 'Pipeline', 'deleted', { name: pipeline.name });
  });
}
