import { z } from 'zod';
import { onRow } from '../../auth/field-scopes.js';
import { selectedRow } from '../../db/delegate.js';
import { builder } from '../../builder.js';
import { rowMutations } from '../workspaces/row-mutations.js';
import { idFromGlobalId } from '../node/uuid.js';
import { PipelineInput, PipelineUpdateInput, StageInput, StageUpdateInput } from './pipeline.inputs.js';
import { MAX_STAGES } from './pipeline.inputs.js';
import { createPipeline, deletePipeline, updatePipeline } from './pipeline.service.js';
import { addStage, deleteStage, reorderStages, updateStage } from './stages.service.js';
import './pipeline.types.js';

const pipelineKey = (id: string) => idFromGlobalId(id, 'Pipeline');
const stageKey = (id: string) => idFromGlobalId(id, 'PipelineStage', 'Stage');

builder.mutationFields((t) => {
  const pipelines = rowMutations(t, 'pipeline', 'pipelines:manage');
  return {
    createPipeline: pipelines.create(PipelineInput, createPipeline),
    updatePipeline: pipelines.update(PipelineUpdateInput, updatePipeline, 'Renames the pipeline and/or makes it the default.'),
    deletePipeline: pipelines.remove(
      deletePipeline,
      'Refused while any deal (the trash counts) is in it, and for the last pipeline. A deleted default passes to the next pipeline.',
    ),
    addStage: t.prismaField({
      type: 'PipelineStage',
      args: {
        pipelineId: t.arg.id(),
        input: t.arg({ type: StageInput }),
        position: t.arg.int({ required: false, description: 'Zero-based place; at the end unless given.', validate: z.number().int().min(0) }),
      },
      authScopes: onRow('pipeline', 'pipelines:manage', 'pipelineId'),
      resolve: async (query, _root, args, ctx) =>
        selectedRow(ctx, 'pipelineStage', query, await addStage(ctx, pipelineKey(args.pipelineId), args.input, args.position)),
    }),
    updateStage: rowMutations(t, 'pipelineStage', 'pipelines:manage').update(StageUpdateInput, updateStage),
    reorderStages: t.prismaField({
      type: 'Pipeline',
      args: {
        pipelineId: t.arg.id(),
        stageIds: t.arg.idList({ description: 'Every stage of the pipeline, in the new order.', validate: z.array(z.string()).max(MAX_STAGES) }),
      },
      authScopes: onRow('pipeline', 'pipelines:manage', 'pipelineId'),
      resolve: async (query, _root, args, ctx) => selectedRow(ctx, 'pipeline', query, await reorderStages(ctx, pipelineKey(args.pipelineId), args.stageIds)),
    }),
    deleteStage: t.prismaField({
      type: 'Pipeline',
      description: 'Refused while deals are in the stage unless moveDealsTo names another stage of the same pipeline.',
      args: { id: t.arg.id(), moveDealsTo: t.arg.id({ required: false }) },
      authScopes: onRow('pipelineStage', 'pipelines:manage'),
      resolve: async (query, _root, args, ctx) => selectedRow(ctx, 'pipeline', query, await deleteStage(ctx, stageKey(args.id), args.moveDealsTo)),
    }),
  };
});
