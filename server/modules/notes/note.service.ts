import type { Context } from '../../context.js';
import { badInput } from '../../errors.js';
import { requireViewer } from '../accounts/session.service.js';
import { linkColumns } from '../records/record-links.js';
import type { NoteInputShape } from './note.inputs.js';
import { changedFields, emitEvent } from '../activity-events/record-event.js';
import { recordAccess } from '../../auth/record-access.js';

export async function createNote(context: Context, workspaceId: string, input: NoteInputShape) {
  if (!input.body?.trim()) throw badInput('Body is required.', 'input.body');
  const viewer = requireViewer(context);
  const access = await recordAccess(context, workspaceId);
  return context.prisma.$transaction(async (tx) => {
    const links = await linkColumns(tx, access, input);
    return tx.note
      .create({ data: { ...links, body: input.body!, workspaceId, createdById: viewer.user.id } })
      .then((row) => emitEvent(tx, context, row, 'Note', 'created'));
  });
}

export async function updateNote(context: Context, id: string, input: NoteInputShape) {
  const note = await context.prisma.note.findUniqueOrThrow({ where: { id, deletedAt: null } });
  const access = await recordAccess(context, note.workspaceId);
  return context.prisma.$transaction(async (tx) => {
    const links = await linkColumns(tx, access, input);
    return tx.note
      .update({ where: { id, deletedAt: null }, data: { ...links, body: input.body ?? undefined } })
      .then((row) => emitEvent(tx, context, row, 'Note', 'updated', changedFields(input)));
  });
}
