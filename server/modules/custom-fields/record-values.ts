// Writing custom values on a record: each input names a field by key and gives one typed operand; the
// result is the record's new customFields document, checked against the live definitions.
import type { Context } from '../../context.js';
import { badInput } from '../../errors.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { CustomFieldEntity } from '../../generated/prisma/enums.js';
import { idFromGlobalId } from '../node/uuid.js';
import { parseOperand, type FieldDefinition, type ValueOperand } from './field-values.js';

type Tx = Prisma.TransactionClient;

export interface ValueInput extends ValueOperand {
  key: string;
}

export const ENTITY_TABLE: Record<CustomFieldEntity, 'Contact' | 'Company' | 'Deal'> = { CONTACT: 'Contact', COMPANY: 'Company', DEAL: 'Deal' };
const NOUN: Record<CustomFieldEntity, string> = { CONTACT: 'contact', COMPANY: 'company', DEAL: 'deal' };

/** Live (not archived, not deleted) definitions, in order. */
export function liveFields(db: Pick<Tx, 'customField'>, workspaceId: string, entity: CustomFieldEntity) {
  return db.customField.findMany({ where: { workspaceId, entity, archivedAt: null, deletedAt: null }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
}

/** The same, loaded once per request (record pages read many values). */
export function liveFieldsOnce(ctx: Context, workspaceId: string, entity: CustomFieldEntity) {
  return ctx.memo(`customFields:${workspaceId}:${entity}`, () => liveFields(ctx.prisma, workspaceId, entity));
}

export interface CustomWrite {
  /** The new document, or undefined when nothing changes. */
  document: Prisma.InputJsonObject | undefined;
  changedKeys: string[];
}

/**
 * The record's document after the inputs: null operands clear a value. Checks keys, types, options,
 * members, required fields (all of them on create) and unique values among the entity's live records.
 */
export async function customWrite(
  tx: Tx,
  target: { workspaceId: string; entity: CustomFieldEntity; recordId: string | null; current: unknown },
  inputs: readonly ValueInput[] | null | undefined,
  path = 'input.customFields',
): Promise<CustomWrite> {
  const creating = target.recordId == null;
  if (!inputs?.length && !creating) return { document: undefined, changedKeys: [] };
  const fields = await liveFields(tx, target.workspaceId, target.entity);
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const current = { ...((target.current ?? {}) as Record<string, unknown>) };
  const next = { ...current };
  const changedKeys: string[] = [];
  for (const [index, input] of (inputs ?? []).entries()) {
    const at = `${path}.${index}`;
    const field = byKey.get(input.key);
    if (!field) throw badInput(`No ${NOUN[target.entity]} field has the key "${input.key}".`, at);
    if (changedKeys.includes(field.key)) throw badInput(`${field.label} (${field.key}) is given twice.`, at);
    const { key: _key, ...operand } = input;
    let value = parseOperand(field, operand, at);
    if (field.type === 'MEMBER' && value != null) value = await memberKey(tx, field, String(value), at);
    if (value == null) delete next[field.key];
    else next[field.key] = value;
    if (JSON.stringify(current[field.key] ?? null) !== JSON.stringify(next[field.key] ?? null)) changedKeys.push(field.key);
    if (field.unique && value != null) await assertUnique(tx, target, field, value, at);
  }
  const missing = fields.find((f) => f.required && next[f.key] == null && (creating || f.key in current || changedKeys.includes(f.key)));
  if (missing) throw badInput(`${missing.label} (${missing.key}) is required.`, path);
  return { document: creating || changedKeys.length ? (next as Prisma.InputJsonObject) : undefined, changedKeys };
}

async function memberKey(tx: Tx, field: FieldDefinition, memberId: string, at: string) {
  const userId = idFromGlobalId(memberId, 'User', 'Member');
  const member = await tx.membership.count({ where: { workspaceId: field.workspaceId, userId } });
  if (!member) throw badInput(`${field.label} (${field.key}) takes a member of this workspace.`, at);
  return userId;
}

async function assertUnique(
  tx: Tx,
  target: { workspaceId: string; entity: CustomFieldEntity; recordId: string | null },
  field: FieldDefinition,
  value: unknown,
  at: string,
) {
  const table = Prisma.raw(`"${ENTITY_TABLE[target.entity]}"`);
  const probe = JSON.stringify({ [field.key]: value });
  const [row] = await tx.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM ${table}
     WHERE "workspaceId" = ${target.workspaceId}::uuid AND "deletedAt" IS NULL AND "customFields" @> ${probe}::jsonb
       AND id <> ${target.recordId ?? '00000000-0000-0000-0000-000000000000'}::uuid`;
  if (row!.n > 0) throw badInput(`${field.label} (${field.key}) must be unique; another ${NOUN[target.entity]} has this value.`, at);
}

/** Event changes for a record update: the changed fields, with custom keys listed on their own. */
export function withCustomKeys(changes: { fields: string[] }, changedKeys: string[]) {
  return changedKeys.length ? { ...changes, customFields: changedKeys } : changes;
}

/** Rewrites the search documents of the records holding a field's values (its text joins their body). */
export async function refreshSearchFor(tx: Pick<Tx, '$queryRaw'>, field: { workspaceId: string; entity: CustomFieldEntity; key: string }) {
  const table = Prisma.raw(`"${ENTITY_TABLE[field.entity]}"`);
  await tx.$queryRaw`
    SELECT count(*)::int AS n FROM (SELECT kith_search_refresh(${field.entity}::text::"SearchEntityType",
      ARRAY(SELECT id FROM ${table} WHERE "workspaceId" = ${field.workspaceId}::uuid AND "customFields" ? ${field.key}))) s`;
}
