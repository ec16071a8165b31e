import type { Context } from '../../context.js';
import { badInput } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { requireViewer } from '../accounts/session.service.js';
import { idFromGlobalId } from '../node/uuid.js';
import { linkColumns } from '../records/record-links.js';
import { assertMember } from '../records/links.service.js';
import type { ActivityInputShape } from './activity.inputs.js';
import { changedFields, emitEvent } from '../activity-events/record-event.js';
import { recordAccess } from '../../auth/record-access.js';
import type { RecordAccess } from '../../auth/record-rules.js';

type Tx = Prisma.TransactionClient;

/** Column values from validated input: undefined leaves a field alone, null clears it. */
async function activityColumns(tx: Tx, access: RecordAccess, input: ActivityInputShape, wasDone: boolean) {
  const assigneeId = input.assigneeId === undefined ? undefined : input.assigneeId && idFromGlobalId(input.assigneeId, 'User', 'Assignee');
  if (assigneeId) await assertMember(tx, assigneeId, access.workspaceId, 'input.assigneeId');
  const done = input.done ?? undefined;
  return {
    ...(await linkColumns(tx, access, input)),
    type: input.type ?? undefined,
    subject: input.subject?.trim(),
    body: input.body === undefined ? undefined : input.body?.trim() || null,
    dueAt: input.dueAt,
    assigneeId: assigneeId === undefined ? undefined : assigneeId || null,
    ...(done !== undefined && done !== wasDone ? { done, doneAt: done ? new Date() : null } : {}),
  };
}

export async function createActivity(context: Context, workspaceId: string, input: ActivityInputShape) {
  if (!input.type) throw badInput('Choose the type: TASK, CALL or MEETING.', 'input.type');
  if (!input.subject?.trim()) throw badInput('Subject is required.', 'input.subject');
  const viewer = requireViewer(context);
  const access = await recordAccess(context, workspaceId);
  return context.prisma.$transaction(async (tx) => {
    const columns = await activityColumns(tx, access, input, false);
    return tx.activity
      .create({
        data: {
          ...columns,
          type: input.type!,
          subject: columns.subject!,
          workspaceId,
          createdById: viewer.user.id,
          assigneeId: columns.assigneeId === undefined ? viewer.user.id : columns.assigneeId,
        },
      })
      .then((row) => emitEvent(tx, context, row, 'Activity', 'created'));
  });
}

export async function updateActivity(context: Context, id: string, input: ActivityInputShape) {
  const activity = await context.prisma.activity.findUniqueOrThrow({ where: { id, deletedAt: null } });
  const access = await recordAccess(context, activity.workspaceId);
  return context.prisma.$transaction(async (tx) => {
    const columns = await activityColumns(tx, access, input, activity.done);
    return tx.activity
      .update({ where: { id, deletedAt: null }, data: columns })
      .then((row) => emitEvent(tx, context, row, 'Activity', 'updated', changedFields(input)));
  });
}

export async function completeActivity(context: Context, id: string, done: boolean) {
  const activity = await context.prisma.activity.findUniqueOrThrow({ where: { id, deletedAt: null } });
  if (activity.done === done) return activity;
  return context.prisma.$transaction((tx) =>
    tx.activity
      .update({ where: { id }, data: { done, doneAt: done ? new Date() : null } })
      .then((row) => emitEvent(tx, context, row, 'Activity', done ? 'completed' : 'reopened')),
  );
}
