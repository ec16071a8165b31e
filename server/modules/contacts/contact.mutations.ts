import { builder } from '../../builder.js';
import { idFromGlobalId } from '../node/uuid.js';
import { requireWorkspaceId } from '../workspaces/workspaces.service.js';
import { createContact, setContactDeleted, updateContact } from './contacts.service.js';
import { ContactInput } from './contact.inputs.js';
import { permissionInWorkspace } from '../../auth/record-scopes.js';

const key = (id: string) => idFromGlobalId(id, 'Contact');

builder.mutationFields((t) => ({
  createContact: t.prismaField({
    type: 'Contact',
    args: { workspaceId: t.arg.id({ required: false }), input: t.arg({ type: ContactInput }) },
    authScopes: (_root, args, ctx) => permissionInWorkspace(ctx, 'records:create', args.workspaceId),
    resolve: async (query, _root, args, ctx) => {
      const contact = await createContact(ctx, requireWorkspaceId(ctx, args.workspaceId), args.input);
      return ctx.prisma.contact.findUniqueOrThrow({ ...query, where: { id: contact.id } });
    },
  }),
  updateContact: t.prismaField({
    type: 'Contact',
    args: { id: t.arg.id(), input: t.arg({ type: ContactInput }) },
    authScopes: (_root, args) => ({ record: { model: 'contact', id: args.id, permission: 'records:update' } }),
    resolve: async (query, _root, args, ctx) => {
      const contact = await updateContact(ctx, key(args.id), args.input);
      return ctx.prisma.contact.findUniqueOrThrow({ ...query, where: { id: contact.id } });
    },
  }),
  deleteContact: t.prismaField({
    type: 'Contact',
    description: 'Moves the contact to the trash, from where it can be restored until it is purged (30 days later unless the server is set otherwise).',
    args: { id: t.arg.id() },
    authScopes: (_root, args) => ({ deletes: { model: 'contact', id: args.id } }),
    resolve: async (query, _root, args, ctx) => {
      const contact = await setContactDeleted(ctx, key(args.id), true);
      return ctx.prisma.contact.findUniqueOrThrow({ ...query, where: { id: contact.id } });
    },
  }),
  restoreContact: t.prismaField({
    type: 'Contact',
    args: { id: t.arg.id() },
    authScopes: (_root, args) => ({ deletes: { model: 'contact', id: args.id } }),
    resolve: async (query, _root, args, ctx) => {
      const contact = await setContactDeleted(ctx, key(args.id), false);
      return ctx.prisma.contact.findUniqueOrThrow({ ...query, where: { id: contact.id } });
    },
  }),
}));
