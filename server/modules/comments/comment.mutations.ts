import { builder } from '../../builder.js';
import { selectedRow } from '../../db/delegate.js';
import { idFromGlobalId } from '../node/uuid.js';
import { permissionOnCommentTarget, targetFromInput } from './comment-target.js';
import { CreateCommentInput, UpdateCommentInput } from './comment.inputs.js';
import { createComment, deleteComment, updateComment } from './comment.service.js';

const key = (id: string) => idFromGlobalId(id, 'Comment');

builder.mutationFields((t) => ({
  createComment: t.prismaField({
    type: 'Comment',
    args: { input: t.arg({ type: CreateCommentInput }) },
    authScopes: (_root, args, ctx) => permissionOnCommentTarget(ctx, () => targetFromInput(args.input), 'records:create'),
    resolve: async (query, _root, args, ctx) => selectedRow(ctx, 'comment', query, await createComment(ctx, args.input)),
  }),
  updateComment: t.prismaField({
    type: 'Comment',
    description: 'Only the author edits a comment.',
    args: { id: t.arg.id(), input: t.arg({ type: UpdateCommentInput }) },
    authScopes: (_root, args) => ({ record: { model: 'comment', id: args.id, permission: 'records:update' } }),
    resolve: async (query, _root, args, ctx) => selectedRow(ctx, 'comment', query, await updateComment(ctx, key(args.id), args.input)),
  }),
  deleteComment: t.prismaField({
    type: 'Comment',
    description: 'Deletes a comment: its author, or an admin.',
    args: { id: t.arg.id() },
    authScopes: (_root, args) => ({ deletes: { model: 'comment', id: args.id } }),
    resolve: async (query, _root, args, ctx) => selectedRow(ctx, 'comment', query, await deleteComment(ctx, key(args.id))),
  }),
}));
