import type { Context } from '../../context.js';
import { badInput, forbidden } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { requireViewer } from '../accounts/session.service.js';
import { keysOf } from '../records/links.service.js';
import { targetFromInput, visibleTarget } from './comment-target.js';
import type { CreateCommentShape, UpdateCommentShape } from './comment.inputs.js';
import { changedFields, emitEvent } from '../activity-events/record-event.js';

type Tx = Prisma.TransactionClient;

/** Mentioned people must be members of the comment's workspace. */
async function mentionedMembers(tx: Tx, workspaceId: string, globalIds: readonly string[]) {
  const userIds = keysOf(globalIds, 'User');
  const members = await tx.membership.count({ where: { workspaceId, userId: { in: userIds } } });
  if (members !== userIds.length) throw badInput('Only members of this workspace can be mentioned.', 'input.mentionUserIds');
  return userIds;
}

export async function createComment(context: Context, input: CreateCommentShape) {
  const viewer = requireViewer(context);
  const target = targetFromInput(input);
  const { workspaceId } = await visibleTarget(context, target);
  return context.prisma.$transaction(async (tx) => {
    const userIds = await mentionedMembers(tx, workspaceId, input.mentionUserIds ?? []);
    return tx.comment
      .create({
        data: {
          workspaceId,
          [target.column]: target.id,
          body: input.body,
          authorId: viewer.user.id,
          mentions: { create: userIds.map((userId) => ({ userId })) },
        },
      })
      .then((row) => emitEvent(tx, context, row, 'Comment', 'created', { on: target.column, mentions: userIds.length }));
  });
}

export async function updateComment(context: Context, id: string, input: UpdateCommentShape) {
  const viewer = requireViewer(context);
  const comment = await context.prisma.comment.findUniqueOrThrow({ where: { id, deletedAt: null } });
  if (comment.authorId !== viewer.user.id) throw forbidden('Only its author can edit a comment.');
  return context.prisma.$transaction(async (tx) => {
    const userIds = input.mentionUserIds ? await mentionedMembers(tx, comment.workspaceId, input.mentionUserIds) : undefined;
    return tx.comment
      .update({
        where: { id },
        data: {
          body: input.body ?? undefined,
          mentions: userIds ? { deleteMany: {}, create: userIds.map((userId) => ({ userId })) } : undefined,
        },
      })
      .then((row) => emitEvent(tx, context, row, 'Comment', 'updated', changedFields(input)));
  });
}

/** Who may delete it is the `deletes` scope's rule (auth/record-scopes.ts). */
export async function deleteComment(context: Context, id: string) {
  const comment = await context.prisma.comment.findUniqueOrThrow({ where: { id } });
  if (comment.deletedAt) throw badInput('This comment is already deleted.');
  return context.prisma.$transaction((tx) =>
    tx.comment.update({ where: { id }, data: { deletedAt: new Date() } }).then((row) => emitEvent(tx, context, row, 'Comment', 'deleted')),
  );
}
