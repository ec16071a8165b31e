import { builder } from '../../builder.js';
import { idFromGlobalId } from '../node/uuid.js';
import { requireWorkspaceId } from '../workspaces/workspaces.service.js';
import { CommunicationInput } from './communication.inputs.js';
import { createCommunication, setCommunicationDeleted, updateCommunication } from './communications.service.js';
import { permissionInWorkspace } from '../../auth/record-scopes.js';

const key = (id: string) => idFromGlobalId(id, 'Communication');

builder.mutationFields((t) => ({
  createCommunication: t.prismaField({
    type: 'Communication',
    description: 'Logs an email, SMS or call that happened (nothing is sent).',
    args: { workspaceId: t.arg.id({ required: false }), input: t.arg({ type: CommunicationInput }) },
    authScopes: (_root, args, ctx) => permissionInWorkspace(ctx, 'records:create', args.workspaceId),
    resolve: async (query, _root, args, ctx) => {
      const row = await createCommunication(ctx, requireWorkspaceId(ctx, args.workspaceId), args.input);
      return ctx.prisma.communication.findUniqueOrThrow({ ...query, where: { id: row.id } });
    },
  }),
  updateCommunication: t.prismaField({
    type: 'Communication',
    args: { id: t.arg.id(), input: t.arg({ type: CommunicationInput }) },
    authScopes: (_root, args) => ({ record: { model: 'communication', id: args.id, permission: 'records:update' } }),
    resolve: async (query, _root, args, ctx) => {
      const row = await updateCommunication(ctx, key(args.id), args.input);
      return ctx.prisma.communication.findUniqueOrThrow({ ...query, where: { id: row.id } });
    },
  }),
  deleteCommunication: t.prismaField({
    type: 'Communication',
    description:
      'Moves the record to the trash, from where it can be restored until it is purged (30 days later unless the server is set otherwise). Members delete their own.',
    args: { id: t.arg.id() },
    authScopes: (_root, args) => ({ deletes: { model: 'communication', id: args.id } }),
    resolve: async (query, _root, args, ctx) => {
      const row = await setCommunicationDeleted(ctx, key(args.id), true);
      return ctx.prisma.communication.findUniqueOrThrow({ ...query, where: { id: row.id } });
    },
  }),
  restoreCommunication: t.prismaField({
    type: 'Communication',
    args: { id: t.arg.id() },
    authScopes: (_root, args) => ({ deletes: { model: 'communication', id: args.id } }),
    resolve: async (query, _root, args, ctx) => {
      const row = await setCommunicationDeleted(ctx, key(args.id), false);
      return ctx.prisma.communication.findUniqueOrThrow({ ...query, where: { id: row.id } });
    },
  }),
}));
