import { builder } from '../../builder.js';
import { inWorkspace } from '../../auth/field-scopes.js';
import { requireViewer } from '../accounts/session.service.js';
import { emitEvent } from '../activity-events/record-event.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import { addSampleData, firstSteps, hasSampleData, keepSampleData, removeSampleData } from './sample-data.service.js';

interface FirstStepsShape {
  workspaceId: string;
  addedContact: boolean;
  createdDeal: boolean;
  invitedSomeone: boolean;
  connectedEmail: boolean;
}

const FirstSteps = builder.objectRef<FirstStepsShape>('FirstSteps').implement({
  description: "A new workspace's first steps, from its real records (sample data does not count).",
  authScopes: (shape) => ({ member: shape.workspaceId }),
  fields: (t) => ({
    addedContact: t.exposeBoolean('addedContact'),
    createdDeal: t.exposeBoolean('createdDeal'),
    invitedSomeone: t.exposeBoolean('invitedSomeone', { description: 'An invitation was sent or someone else is a member.' }),
    connectedEmail: t.exposeBoolean('connectedEmail', { description: 'An SMTP account or an IMAP mailbox is set up.' }),
  }),
});

builder.prismaObjectFields('Workspace', (t) => ({
  hasSampleData: t.boolean({
    description: 'The first run added sample records that are neither removed nor kept; exports leave them out.',
    resolve: (workspace, _args, ctx) => hasSampleData(ctx.prisma, workspace.id),
  }),
  firstSteps: t.field({
    type: FirstSteps,
    resolve: async (workspace, _args, ctx) => ({ workspaceId: workspace.id, ...(await firstSteps(ctx.prisma, workspace.id)) }),
  }),
}));

type Context = Parameters<typeof requireWorkspaceId>[0];

type Tx = Prisma.TransactionClient;
const event = (ctx: Context, workspaceId: string, verb: string) => (tx: Tx) => emitEvent(tx, ctx, { id: workspaceId, workspaceId }, 'Workspace', verb);

const sampleMutation = (name: string, description: string, run: (ctx: Context, workspaceId: string) => Promise<void>) =>
  builder.mutationField(name, (t) =>
    t.prismaField({
      type: 'Workspace',
      description,
      args: { workspaceId: t.arg.id({ required: false }) },
      authScopes: inWorkspace('workspace:settings'),
      resolve: async (query, _root, args, ctx) => {
        const workspaceId = requireWorkspaceId(ctx, args.workspaceId);
        await run(ctx, workspaceId);
        return ctx.prisma.workspace.findUniqueOrThrow({ ...query, where: { id: workspaceId } });
      },
    }),
  );

sampleMutation(
  'addSampleData',
  'Adds a small set of sample companies, contacts, deals, activities, notes and communications, tagged "Sample data".',
  (ctx, id) => addSampleData(ctx.prisma, id, requireViewer(ctx).user.id, event(ctx, id, 'sample_data_added')),
);
sampleMutation('removeSampleData', 'Deletes the sample records that are left, with their notes, activities and communications.', (ctx, id) =>
  removeSampleData(ctx.prisma, id, event(ctx, id, 'sample_data_removed')),
);
sampleMutation('keepSampleData', 'Makes the sample records ordinary ones: exported, counted, no longer removed together.', (ctx, id) =>
  keepSampleData(ctx.prisma, id, event(ctx, id, 'sample_data_kept')),
);
