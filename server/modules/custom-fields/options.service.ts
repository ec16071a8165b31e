// Select options: add, rename or recolour, reorder, and merge (records holding the merged options get the
// option they merge into).
import { randomUUID } from 'node:crypto';
import type { Context } from '../../context.js';
import { badInput } from '../../errors.js';
import { Prisma } from '../../generated/prisma/client.js';
import { emitEvent } from '../activity-events/record-event.js';
import { MAX_OPTIONS } from './custom-field.inputs.js';
import { liveField } from './definitions.service.js';
import { optionsOf, type FieldOption } from './field-values.js';
import { ENTITY_TABLE } from './record-values.js';

type Tx = Prisma.TransactionClient;

async function selectField(tx: Tx, id: string) {
  const field = await liveField(tx, id);
  if (field.type !== 'SELECT' && field.type !== 'MULTI_SELECT') throw badInput('Only select fields have options.', 'fieldId');
  return field;
}

function saveOptions(tx: Tx, context: Context, id: string, options: FieldOption[], verb: string, changes: Record<string, unknown>) {
  const ordered = options.map((o, position) => ({ ...o, position }));
  return tx.customField
    .update({ where: { id }, data: { options: ordered } })
    .then((row) => emitEvent(tx, context, row, 'CustomField', verb, { key: row.key, ...changes }));
}

function assertFreeLabel(options: FieldOption[], label: string, except?: string) {
  if (options.some((o) => o.id !== except && o.label.toLowerCase() === label.toLowerCase())) throw badInput('Another option has this label.', 'input.label');
}

export function addOption(context: Context, fieldId: string, input: { label: string; colour?: string | null }) {
  return context.prisma.$transaction(async (tx) => {
    const options = optionsOf(await selectField(tx, fieldId));
    if (options.length >= MAX_OPTIONS) throw badInput(`At most ${MAX_OPTIONS} options.`);
    assertFreeLabel(options, input.label.trim());
    const option = { id: randomUUID(), label: input.label.trim(), colour: input.colour ?? 'gray', position: options.length };
    return saveOptions(tx, context, fieldId, [...options, option], 'options_changed', { added: option.label });
  });
}

export function updateOption(context: Context, fieldId: string, optionId: string, input: { label?: string | null; colour?: string | null }) {
  return context.prisma.$transaction(async (tx) => {
    const options = optionsOf(await selectField(tx, fieldId));
    const option = options.find((o) => o.id === optionId);
    if (!option) throw badInput('The field has no such option.', 'optionId');
    if (input.label) assertFreeLabel(options, input.label.trim(), optionId);
    const next = options.map((o) => (o.id === optionId ? { ...o, label: input.label?.trim() ?? o.label, colour: input.colour ?? o.colour } : o));
    return saveOptions(tx, context, fieldId, next, 'options_changed', { updated: optionId });
  });
}

export function reorderOptions(context: Context, fieldId: string, optionIds: string[]) {
  return context.prisma.$transaction(async (tx) => {
    const options = optionsOf(await selectField(tx, fieldId));
    const byId = new Map(options.map((o) => [o.id, o]));
    if (optionIds.length !== options.length || new Set(optionIds).size !== optionIds.length || optionIds.some((id) => !byId.has(id))) {
      throw badInput('List every option once, in the new order.', 'optionIds');
    }
    return saveOptions(
      tx,
      context,
      fieldId,
      optionIds.map((id) => byId.get(id)!),
      'options_changed',
      { reordered: true },
    );
  });
}

/** Records holding any of `fromIds` hold `intoId` instead (once, for multi selects); the merged options go. */
export function mergeOptions(context: Context, fieldId: string, fromIds: string[], intoId: string) {
  return context.prisma.$transaction(async (tx) => {
    const field = await selectField(tx, fieldId);
    const options = optionsOf(field);
    const ids = new Set(options.map((o) => o.id));
    if (!ids.has(intoId)) throw badInput('The field has no such option.', 'intoOptionId');
    const from = [...new Set(fromIds)].filter((id) => id !== intoId);
    if (from.length === 0 || from.some((id) => !ids.has(id))) throw badInput('Name other options of this field to merge.', 'optionIds');
    const table = Prisma.raw(`"${ENTITY_TABLE[field.entity]}"`);
    if (field.type === 'SELECT') {
      await tx.$executeRaw`
        UPDATE ${table} SET "customFields" = jsonb_set("customFields", ARRAY[${field.key}], to_jsonb(${intoId}::text))
         WHERE "workspaceId" = ${field.workspaceId}::uuid AND "customFields" ->> ${field.key} = ANY(${from}::text[])`;
    } else {
      await tx.$executeRaw`
        UPDATE ${table} t SET "customFields" = jsonb_set(t."customFields", ARRAY[${field.key}], (
          SELECT coalesce(jsonb_agg(DISTINCT CASE WHEN e = ANY(${from}::text[]) THEN ${intoId}::text ELSE e END), '[]'::jsonb)
            FROM jsonb_array_elements_text(t."customFields" -> ${field.key}) e))
         WHERE t."workspaceId" = ${field.workspaceId}::uuid AND jsonb_typeof(t."customFields" -> ${field.key}) = 'array'
           AND (t."customFields" -> ${field.key}) ?| ${from}::text[]`;
    }
    return saveOptions(
      tx,
      context,
      fieldId,
      options.filter((o) => !from.includes(o.id)),
      'options_merged',
      { into: intoId, merged: from },
    );
  });
}
