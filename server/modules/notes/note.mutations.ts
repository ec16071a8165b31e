import { builder } from '../../builder.js';
import { idFromGlobalId } from '../node/uuid.js';
import { requireWorkspaceId } from '../workspaces/workspaces.service.js';
import { NoteInput } from './note.inputs.js';
import { createNote, setNoteDeleted, updateNote } from './notes.service.js';
import { permissionInWorkspace } from '../../auth/record-scopes.js';

const key = (id: string) => idFromGlobalId(id, 'Note');

builder.mutationFields((t) => ({
  createNote: t.prismaField({
    type: 'Note',
    args: { workspaceId: t.arg.id({ required: false }), input: t.arg({ type: NoteInput }) },
    authScopes: (_root, args, ctx) => permissionInWorkspace(ctx, 'records:create', args.workspaceId),
    resolve: async (query, _root, args, ctx) => {
      const note = await createNote(ctx, requireWorkspaceId(ctx, args.workspaceId), args.input);
      return ctx.prisma.note.findUniqueOrThrow({ ...query, where: { id: note.id } });
    },
  }),
  updateNote: t.prismaField({
    type: 'Note',
    args: { id: t.arg.id(), input: t.arg({ type: NoteInput }) },
    authScopes: (_root, args) => ({ record: { model: 'note', id: args.id, permission: 'records:update' } }),
    resolve: async (query, _root, args, ctx) => {
      const note = await updateNote(ctx, key(args.id), args.input);
      return ctx.prisma.note.findUniqueOrThrow({ ...query, where: { id: note.id } });
    },
  }),
  deleteNote: t.prismaField({
    type: 'Note',
    description:
      'Moves the note to the trash, from where it can be restored until it is purged (30 days later unless the server is set otherwise). Members delete their own.',
    args: { id: t.arg.id() },
    authScopes: (_root, args) => ({ deletes: { model: 'note', id: args.id } }),
    resolve: async (query, _root, args, ctx) => {
      const note = await setNoteDeleted(ctx, key(args.id), true);
      return ctx.prisma.note.findUniqueOrThrow({ ...query, where: { id: note.id } });
    },
  }),
  restoreNote: t.prismaField({
    type: 'Note',
    args: { id: t.arg.id() },
    authScopes: (_root, args) => ({ deletes: { model: 'note', id: args.id } }),
    resolve: async (query, _root, args, ctx) => {
      const note = await setNoteDeleted(ctx, key(args.id), false);
      return ctx.prisma.note.findUniqueOrThrow({ ...query, where: { id: note.id } });
    },
  }),
}));
