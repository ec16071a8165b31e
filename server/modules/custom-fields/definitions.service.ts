// Managing field definitions (admins): add, rename, reorder, archive, delete and restore. A deleted field
// keeps its values on the records until the trash retention window passes, so restoring brings them back.
import { randomUUID } from 'node:crypto';
import type { Context } from '../../context.js';
import { badInput, notFound, rethrowUniqueViolation } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { CustomFieldEntity } from '../../generated/prisma/enums.js';
import { expiredBefore } from '../../retention.js';
import { changedFields, emitEvent } from '../activity-events/record-event.js';
import { MAX_FIELDS, type CreateFieldShape, type UpdateFieldShape } from './custom-field.inputs.js';
import { UNIQUE_TYPES } from './field-values.js';
import { refreshSearchFor } from './record-values.js';

type Tx = Prisma.TransactionClient;

const TAKEN = 'A field with this key already exists here (the trash counts: restore it, or choose another key).';

/** A key from a label: "Renewal date" becomes renewalDate. */
export function keyFromLabel(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[^\w\s]/g, '')
    .trim()
    .split(/[\s_]+/)
    .filter(Boolean);
  const camel = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('');
  const key = /^[a-zA-Z]/.test(camel) ? camel : `field${camel}`;
  return key.slice(0, 64);
}

function assertUniqueFits(type: string, unique: boolean | null | undefined) {
  if (unique && !UNIQUE_TYPES.has(type as never)) throw badInput('Only text, URL, email, phone and number fields can be unique.', 'input.unique');
}

export async function createField(context: Context, workspaceId: string, input: CreateFieldShape) {
  assertUniqueFits(input.type, input.unique);
  const selects = input.type === 'SELECT' || input.type === 'MULTI_SELECT';
  if (input.options?.length && !selects) throw badInput('Only select fields have options.', 'input.options');
  const options = (input.options ?? []).map((o, position) => ({ id: randomUUID(), label: o.label.trim(), colour: o.colour ?? 'gray', position }));
  return context.prisma
    .$transaction(async (tx) => {
      const count = await tx.customField.count({ where: { workspaceId, entity: input.entity, deletedAt: null } });
      if (count >= MAX_FIELDS) throw badInput(`At most ${MAX_FIELDS} fields per kind of record.`);
      const row = await tx.customField.create({
        data: {
          workspaceId,
          entity: input.entity,
          key: input.key ?? keyFromLabel(input.label),
          label: input.label.trim(),
          helpText: input.helpText?.trim() ?? '',
          type: input.type,
          required: !!input.required,
          unique: !!input.unique,
          position: count,
          options,
        },
      });
      return emitEvent(tx, context, row, 'CustomField', 'created', { key: row.key, type: row.type });
    })
    .catch((error: unknown) => rethrowUniqueViolation(error, TAKEN, 'input.key'));
}

export function updateField(context: Context, id: string, input: UpdateFieldShape) {
  return context.prisma.$transaction(async (tx) => {
    const field = await liveField(tx, id);
    assertUniqueFits(field.type, input.unique);
    const row = await tx.customField.update({
      where: { id },
      data: {
        label: input.label?.trim() ?? undefined,
        helpText: input.helpText == null ? undefined : input.helpText.trim(),
        required: input.required ?? undefined,
        unique: input.unique ?? undefined,
        archivedAt: input.archived == null ? undefined : input.archived ? (field.archivedAt ?? new Date()) : null,
      },
    });
    if (input.archived != null && input.archived !== (field.archivedAt != null)) await refreshSearchFor(tx, row);
    return emitEvent(tx, context, row, 'CustomField', 'updated', { key: row.key, ...changedFields(input) });
  });
}

export function reorderFields(context: Context, workspaceId: string, entity: CustomFieldEntity, ids: string[]) {
  return context.prisma.$transaction(async (tx) => {
    const fields = await tx.customField.findMany({ where: { workspaceId, entity, deletedAt: null }, select: { id: true } });
    const known = new Set(fields.map((f) => f.id));
    if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((fieldId) => !known.has(fieldId))) {
      throw badInput('List every field of this kind of record once, in the new order.', 'fieldIds');
    }
    for (const [position, fieldId] of ids.entries()) await tx.customField.update({ where: { id: fieldId }, data: { position } });
    await emitEvent(tx, context, { id: ids[0] ?? workspaceId, workspaceId }, 'CustomField', 'reordered', { entity });
    return tx.customField.findMany({ where: { workspaceId, entity, deletedAt: null }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
  });
}

export function setFieldDeleted(context: Context, id: string, deleted: boolean) {
  return context.prisma.$transaction(async (tx) => {
    const field = await tx.customField.findUnique({ where: { id } });
    if (!field) throw notFound('Custom field');
    if (deleted && field.deletedAt) throw badInput('This field is already deleted.');
    if (!deleted) {
      if (!field.deletedAt) throw badInput('This field is not deleted.');
      if (field.deletedAt < expiredBefore(context.app.config.retention.softDeletedDays)) throw badInput('This field was deleted too long ago to restore.');
    }
    const row = await tx.customField.update({ where: { id }, data: { deletedAt: deleted ? new Date() : null } });
    await refreshSearchFor(tx, row);
    return emitEvent(tx, context, row, 'CustomField', deleted ? 'deleted' : 'restored', { key: row.key });
  });
}

/** A field that is not deleted; a deleted one reads as missing to everything but restore. */
export async function liveField(tx: Tx, id: string) {
  const field = await tx.customField.findUnique({ where: { id } });
  if (!field || field.deletedAt) throw notFound('Custom field');
  return field;
}
