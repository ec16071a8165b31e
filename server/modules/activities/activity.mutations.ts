import { builder } from '../../builder.js';
import { idFromGlobalId } from '../node/uuid.js';
import { onRecord, recordMutations } from '../records/record-mutations.js';
import { selectedRow } from '../../db/delegate.js';
import { completeActivity, createActivity, updateActivity } from './activity.service.js';
import { ActivityInput } from './activity.inputs.js';

builder.mutationFields((t) => ({
  ...recordMutations(t, {
    type: 'Activity',
    model: 'activity',
    input: ActivityInput,
    create: createActivity,
    update: updateActivity,
    descriptions: {
      delete:
        'Moves the activity to the trash, from where it can be restored until it is purged (30 days later unless the server is set otherwise). Members delete those they created or are assigned.',
    },
  }),
  completeActivity: t.prismaField({
    type: 'Activity',
    description: 'Marks the activity done (or, with done: false, not done); doneAt records when.',
    args: { id: t.arg.id(), done: t.arg.boolean({ defaultValue: true }) },
    authScopes: onRecord('activity', 'records:update'),
    resolve: async (query, _root, args, ctx) =>
      selectedRow(ctx, 'activity', query, await completeActivity(ctx, idFromGlobalId(args.id, 'Activity'), args.done)),
  }),
}));
