// Values from places that write custom fields without a user choosing a type (the clipper, forms, imports):
// fields missing are created with the given type, and each value is converted to its field's actual type,
// as a type change would. Values that do not convert, and fields archived or deleted, are left out.
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Prisma } from '../../generated/prisma/client.js';
import type { CustomFieldEntity, CustomFieldType } from '../../generated/prisma/enums.js';
import { optionsOf, type StoredValue } from './field-values.js';
import type { ValueInput } from './record-values.js';
import { convertValue, OptionBook } from './type-change.js';

type Tx = Prisma.TransactionClient;

export interface LooseField {
  key: string;
  label?: string;
  type: CustomFieldType;
}

/** Creates the fields that do not exist yet (a deleted or archived one stays so). */
export async function ensureFields(tx: Tx, workspaceId: string, entity: CustomFieldEntity, fields: LooseField[]) {
  if (!fields.length) return;
  const last = await tx.customField.aggregate({ where: { workspaceId, entity }, _max: { position: true } });
  const start = (last._max.position ?? -1) + 1;
  await tx.customField.createMany({
    data: fields.map((f, i) => ({ workspaceId, entity, key: f.key, label: f.label ?? f.key, type: f.type, position: start + i })),
    skipDuplicates: true,
  });
}

function operandOf(type: CustomFieldType, key: string, value: StoredValue): ValueInput {
  switch (type) {
    case 'NUMBER':
      return { key, number: value as number };
    case 'CURRENCY':
      return { key, amount: (value as { amount: number }).amount, currency: (value as { currency: string }).currency };
    case 'DATE':
      return { key, date: new Date(`${String(value)}T00:00:00Z`) };
    case 'DATETIME':
      return { key, dateTime: new Date(String(value)) };
    case 'CHECKBOX':
      return { key, checked: value as boolean };
    case 'SELECT':
      return { key, optionId: value as string };
    case 'MULTI_SELECT':
      return { key, optionIds: value as string[] };
    case 'MEMBER':
      return { key, memberId: encodeGlobalID('User', String(value)) };
    default:
      return { key, text: String(value) };
  }
}

type Plain = string | number | boolean | null;
const plainType = (raw: Plain): CustomFieldType => (typeof raw === 'number' ? 'NUMBER' : typeof raw === 'boolean' ? 'CHECKBOX' : 'TEXT');

/** The field type a plain value suggests, for fields created from it. */
export const suggestedType = plainType;

/**
 * Stored values by key (null: clear) for the live fields among `values`' keys, converted to each field's
 * type; selects gain options for labels they lack.
 */
export async function looseValues(tx: Tx, workspaceId: string, entity: CustomFieldEntity, values: Record<string, Plain>) {
  const keys = Object.keys(values);
  const out = new Map<string, { type: CustomFieldType; value: StoredValue | null }>();
  if (!keys.length) return out;
  const fields = await tx.customField.findMany({ where: { workspaceId, entity, key: { in: keys }, archivedAt: null, deletedAt: null } });
  for (const field of fields) {
    const raw = values[field.key] ?? null;
    if (raw == null || raw === '') {
      out.set(field.key, { type: field.type, value: null });
    } else if (plainType(raw) === field.type) {
      out.set(field.key, { type: field.type, value: raw });
    } else {
      const book = new OptionBook(optionsOf(field));
      const result = convertValue({ ...field, type: plainType(raw) }, raw, field.type, book);
      if (!('value' in result)) continue;
      if (book.options.length !== optionsOf(field).length) {
        await tx.customField.update({ where: { id: field.id }, data: { options: book.options as unknown as Prisma.InputJsonArray } });
      }
      out.set(field.key, { type: field.type, value: result.value });
    }
  }
  return out;
}

/** The same, as inputs for customWrite (which then checks required and unique). */
export async function looseInputs(tx: Tx, workspaceId: string, entity: CustomFieldEntity, values: Record<string, Plain>): Promise<ValueInput[]> {
  const converted = await looseValues(tx, workspaceId, entity, values);
  return [...converted].map(([key, { type, value }]) => (value == null ? { key } : operandOf(type, key, value)));
}

/** The same, merged into a stored document (for writers that bypass customWrite: forms, imports). */
export async function looseDocument(tx: Tx, workspaceId: string, entity: CustomFieldEntity, current: unknown, values: Record<string, Plain>) {
  const next = { ...((current ?? {}) as Record<string, unknown>) };
  for (const [key, { value }] of await looseValues(tx, workspaceId, entity, values)) {
    if (value == null) delete next[key];
    else next[key] = value;
  }
  return next as Prisma.InputJsonObject;
}
