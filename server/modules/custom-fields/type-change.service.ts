// Changing a field's type: a dry run reports the values that cannot convert; the real run converts the
// rest and clears those, in one transaction with the definition.
import type { Context } from '../../context.js';
import { badInput } from '../../errors.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { CustomFieldType } from '../../generated/prisma/enums.js';
import { emitEvent } from '../activity-events/record-event.js';
import { liveField } from './definitions.service.js';
import { optionsOf, UNIQUE_TYPES } from './field-values.js';
import { ENTITY_TABLE, refreshSearchFor } from './record-values.js';
import { convertValue, OptionBook } from './type-change.js';

/** Failures listed in the report; the count covers them all. */
const MAX_LISTED = 100;

export interface ConversionFailure {
  recordId: string;
  value: string;
  reason: string;
}

export interface TypeChangeReport {
  fieldId: string;
  applied: boolean;
  converted: number;
  failed: number;
  failures: ConversionFailure[];
}

export function changeFieldType(context: Context, id: string, to: CustomFieldType, dryRun: boolean): Promise<TypeChangeReport> {
  return context.prisma.$transaction(async (tx) => {
    const field = await liveField(tx, id);
    if (field.type === to) throw badInput(`The field is already ${to}.`, 'type');
    const table = Prisma.raw(`"${ENTITY_TABLE[field.entity]}"`);
    // Trashed records are converted too, so restoring one brings back a value of the right type.
    const rows = await tx.$queryRaw<Array<{ id: string; value: unknown }>>`
      SELECT id, "customFields" -> ${field.key} AS value FROM ${table}
       WHERE "workspaceId" = ${field.workspaceId}::uuid AND "customFields" ? ${field.key} AND "customFields" -> ${field.key} <> 'null'::jsonb
       ORDER BY id FOR UPDATE`;
    const book = new OptionBook(optionsOf(field));
    const updates: Array<{ id: string; value: unknown }> = [];
    const failures: ConversionFailure[] = [];
    let failed = 0;
    for (const row of rows) {
      const result = convertValue(field, row.value, to, book);
      if ('value' in result) updates.push({ id: row.id, value: result.value });
      else {
        failed += 1;
        updates.push({ id: row.id, value: null });
        if (failures.length < MAX_LISTED) failures.push({ recordId: row.id, value: JSON.stringify(row.value), reason: result.problem });
      }
    }
    const report = { fieldId: field.id, applied: !dryRun, converted: rows.length - failed, failed, failures };
    if (dryRun) return report;
    if (updates.length) {
      await tx.$executeRaw`
        UPDATE ${table} t SET "customFields" = CASE WHEN v.value IS NULL THEN t."customFields" - ${field.key}
                                                    ELSE jsonb_set(t."customFields", ARRAY[${field.key}], v.value) END
          FROM jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) AS v(id uuid, value jsonb)
         WHERE t.id = v.id`;
    }
    const selects = to === 'SELECT' || to === 'MULTI_SELECT';
    const row = await tx.customField.update({
      where: { id },
      data: { type: to, options: selects ? (book.options as unknown as Prisma.InputJsonArray) : [], unique: field.unique && UNIQUE_TYPES.has(to) },
    });
    await refreshSearchFor(tx, row);
    await emitEvent(tx, context, row, 'CustomField', 'type_changed', { key: row.key, from: field.type, to, converted: report.converted, failed });
    return report;
  });
}
