// Cells mapped to `custom:<key>` become typed values of the workspace's field with that key; a column
// mapped to a key no field has creates a text field (key from the column's name, label the name itself).
// A cell that does not convert to its field's type is left out of the row, as an empty cell would be.
import type { Prisma } from '../../generated/prisma/client.js';
import type { CustomFieldEntity } from '../../generated/prisma/enums.js';
import { KEY } from '../custom-fields/custom-field.inputs.js';
import { keyFromLabel } from '../custom-fields/definitions.service.js';
import { optionsOf } from '../custom-fields/field-values.js';
import { convertValue, OptionBook } from '../custom-fields/type-change.js';
import type { Decision } from './batch-types.js';
import { CUSTOM_PREFIX } from './fields.js';

type Tx = Prisma.TransactionClient;

/** The mapping's custom keys, with the field each one writes (created when missing). */
async function fieldsForMapping(tx: Tx, workspaceId: string, entity: CustomFieldEntity, names: string[]) {
  const keyOf = new Map(names.map((name) => [name, KEY.safeParse(name).success ? name : keyFromLabel(name)]));
  const existing = await tx.customField.findMany({ where: { workspaceId, entity, key: { in: [...keyOf.values()] } } });
  const missing = names.filter((name) => !existing.some((f) => f.key === keyOf.get(name)));
  if (missing.length) {
    const last = await tx.customField.aggregate({ where: { workspaceId, entity }, _max: { position: true } });
    await tx.customField.createMany({
      data: missing.map((name, i) => ({
        workspaceId,
        entity,
        key: keyOf.get(name)!,
        label: name,
        type: 'TEXT' as const,
        position: (last._max.position ?? -1) + 1 + i,
      })),
      skipDuplicates: true,
    });
  }
  const fields = await tx.customField.findMany({ where: { workspaceId, entity, key: { in: [...keyOf.values()] }, archivedAt: null, deletedAt: null } });
  return new Map(
    names.flatMap((name) => {
      const field = fields.find((f) => f.key === keyOf.get(name));
      return field ? [[name, field] as const] : [];
    }),
  );
}

/** Rewrites each decision's `custom` cells as typed values, in place; selects gain options for new labels. */
export async function typeCustomValues<V extends { custom: Record<string, unknown> }>(
  tx: Tx,
  workspaceId: string,
  entity: CustomFieldEntity,
  columns: ReadonlyArray<string | null>,
  decisions: Decision<V>[],
) {
  const names = [...new Set(columns.filter((f): f is string => !!f?.startsWith(CUSTOM_PREFIX)).map((f) => f.slice(CUSTOM_PREFIX.length)))];
  if (!names.length) return;
  const fields = await fieldsForMapping(tx, workspaceId, entity, names);
  const books = new Map([...fields.values()].map((f) => [f.id, new OptionBook(optionsOf(f))]));
  for (const decision of decisions) {
    if (decision.kind === 'failed') continue;
    const typed: Record<string, unknown> = {};
    for (const [name, cell] of Object.entries(decision.values.custom)) {
      const field = fields.get(name);
      if (!field || cell == null || cell === '') continue;
      const result =
        field.type === 'TEXT' || field.type === 'LONG_TEXT'
          ? { value: cell }
          : convertValue({ ...field, type: 'TEXT' }, cell, field.type, books.get(field.id)!);
      if ('value' in result) typed[field.key] = result.value;
    }
    decision.values.custom = typed;
  }
  for (const field of fields.values()) {
    const book = books.get(field.id)!;
    if (book.options.length !== optionsOf(field).length)
      await tx.customField.update({ where: { id: field.id }, data: { options: book.options as unknown as Prisma.InputJsonArray } });
  }
}
