import { builder } from '../../builder.js';
import { idFromGlobalId } from '../node/uuid.js';
import { onRecord, recordMutations } from '../records/record-mutations.js';
import { selectedRow } from '../../db/delegate.js';
import { DealInput } from './deal.inputs.js';
import { createDeal, moveDeal, updateDeal } from './deal.service.js';
import './deal.types.js';

builder.mutationFields((t) => ({
  ...recordMutations(t, {
    type: 'Deal',
    model: 'deal',
    input: DealInput,
    create: createDeal,
    update: updateDeal,
    descriptions: {
      update: 'Changes anything but the stage and pipeline (see moveDeal).',
      delete: 'Moves the deal to the trash, from where it can be restored until it is purged (30 days later unless the server is set otherwise).',
    },
  }),
  moveDeal: t.prismaField({
    type: 'Deal',
    description:
      "Moves the deal to a stage, recording the move; the stage's won/lost flags set the status. The stage must be in the deal's pipeline, or in `pipelineId` to move the deal to another pipeline.",
    args: { id: t.arg.id(), stageId: t.arg.id(), pipelineId: t.arg.id({ required: false }) },
    authScopes: onRecord('deal', 'records:update'),
    resolve: async (query, _root, args, ctx) =>
      selectedRow(ctx, 'deal', query, await moveDeal(ctx, idFromGlobalId(args.id, 'Deal'), args.stageId, args.pipelineId)),
  }),
}));
