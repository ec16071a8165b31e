import { z } from 'zod';
import { inWorkspace } from '../../auth/field-scopes.js';
import { builder } from '../../builder.js';
import { MAX_BULK } from '../records/common.types.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import { bulkDelete, bulkUpdate } from './bulk.service.js';

const ids = z.array(z.string()).min(1, 'Select at least one record.').max(MAX_BULK, `Bulk changes take at most ${MAX_BULK} records per call.`);

const BulkUpdateInput = builder.inputType('BulkUpdateInput', {
  description: 'What to change on every selected record; fields left out stay as they are.',
  fields: (t) => ({
    ownerId: t.id({ required: false }),
    addTagIds: t.idList({ required: false, validate: z.array(z.string()).max(50) }),
    removeTagIds: t.idList({ required: false, validate: z.array(z.string()).max(50) }),
    stageId: t.id({ required: false, description: 'Deals only: a stage of their pipeline.' }),
  }),
});

const BulkResult = builder.objectRef<{ count: number }>('BulkResult').implement({
  authScopes: { authenticated: true },
  fields: (t) => ({ count: t.exposeInt('count', { description: 'How many records changed.' }) }),
});

builder.mutationFields((t) => ({
  bulkUpdateRecords: t.field({
    type: BulkResult,
    description: `Changes owner, tags or (deals) stage of up to ${MAX_BULK} contacts, companies or deals at once, all or nothing.`,
    args: { workspaceId: t.arg.id({ required: false }), ids: t.arg.idList({ validate: ids }), input: t.arg({ type: BulkUpdateInput }) },
    authScopes: inWorkspace('records:update'),
    resolve: async (_root, args, ctx) => {
      const { ids: changed } = await bulkUpdate(ctx, requireWorkspaceId(ctx, args.workspaceId), args.ids, args.input);
      return { count: changed.length };
    },
  }),
  bulkDeleteRecords: t.field({
    type: BulkResult,
    description: `Moves up to ${MAX_BULK} contacts, companies or deals to the trash, all or nothing.`,
    args: { workspaceId: t.arg.id({ required: false }), ids: t.arg.idList({ validate: ids }) },
    authScopes: inWorkspace('records:deleteOwn'),
    resolve: async (_root, args, ctx) => ({ count: await bulkDelete(ctx, requireWorkspaceId(ctx, args.workspaceId), args.ids) }),
  }),
}));
