// SQL for filters and sorts on custom fields, checked against the definitions. Equality on selects,
// members, numbers and dates is jsonb containment, which the GIN (jsonb_path_ops) index on customFields serves.
import { badInput } from '../../errors.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { CustomField } from '../../generated/prisma/client.js';
import type { CustomFieldEntity } from '../../generated/prisma/enums.js';
import { idFromGlobalId } from '../node/uuid.js';
import type { FilterShape, SortShape } from './custom-field.inputs.js';
import { dateOnly, OPERAND, optionsOf, TEXT_TYPES } from './field-values.js';
import { liveFields } from './record-values.js';

type Db = Parameters<typeof liveFields>[0];
const sql = Prisma.sql;

/** The definitions the filters and sort name, refusing keys that are not live fields. */
export async function fieldsFor(db: Db, workspaceId: string, entity: CustomFieldEntity, keys: string[]) {
  const fields = keys.length ? await liveFields(db, workspaceId, entity) : [];
  const byKey = new Map(fields.map((f) => [f.key, f]));
  return (key: string, at: string) => {
    const field = byKey.get(key);
    if (!field) throw badInput(`No live custom field has the key "${key}".`, at);
    return field;
  };
}

const ORDERED = new Set(['NUMBER', 'CURRENCY', 'DATE', 'DATETIME']);

/** One filter as a condition on the table alias `t`. */
export function filterSql(field: CustomField, filter: FilterShape, at: string): Prisma.Sql {
  const doc = sql`t."customFields"`;
  const key = field.key;
  const value = sql`(${doc} -> ${key})`;
  const contains = (stored: unknown) => sql`${doc} @> ${JSON.stringify({ [key]: stored })}::jsonb`;
  const fail = (what: string) => badInput(`${field.label} (${key}): ${what}.`, at);
  const operand = OPERAND[field.type];
  const need = <T>(v: T | null | undefined, name = operand): T => {
    if (v == null) throw fail(`${filter.op} needs \`${name}\``);
    return v;
  };
  switch (filter.op) {
    case 'IS_EMPTY':
      return sql`coalesce(${value}, 'null'::jsonb) IN ('null'::jsonb, '[]'::jsonb, '""'::jsonb)`;
    case 'IS_NOT_EMPTY':
      return sql`coalesce(${value}, 'null'::jsonb) NOT IN ('null'::jsonb, '[]'::jsonb, '""'::jsonb)`;
    case 'CONTAINS':
      if (field.type === 'MULTI_SELECT') return contains([need(filter.optionId, 'optionId')]);
      if (!TEXT_TYPES.has(field.type)) throw fail('CONTAINS works on text fields and multi selects');
      return sql`(${doc} ->> ${key}) ILIKE ${`%${need(filter.text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`;
    case 'IN': {
      const ids = need(filter.optionIds, 'optionIds');
      if (field.type === 'SELECT') return sql`(${doc} ->> ${key}) = ANY(${ids}::text[])`;
      if (field.type === 'MULTI_SELECT') return sql`${value} ?| ${ids}::text[]`;
      throw fail('IN works on selects');
    }
    case 'GT':
    case 'LT': {
      if (!ORDERED.has(field.type)) throw fail(`${filter.op} works on numbers, currencies and dates`);
      const op = Prisma.raw(filter.op === 'GT' ? '>' : '<');
      if (field.type === 'NUMBER') return sql`${numeric(value)} ${op} ${need(filter.number)}`;
      if (field.type === 'CURRENCY') return sql`${numeric(sql`(${value} -> 'amount')`)} ${op} ${need(filter.amount)}`;
      const bound = field.type === 'DATE' ? dateOnly(need(filter.date)) : need(filter.dateTime).toISOString();
      return sql`(${doc} ->> ${key}) COLLATE "C" ${op} ${bound}`;
    }
    case 'EQ':
      switch (field.type) {
        case 'SELECT':
          return contains(need(filter.optionId));
        case 'MULTI_SELECT':
          return contains([need(filter.optionId, 'optionId')]);
        case 'NUMBER':
          return contains(need(filter.number));
        case 'CURRENCY':
          return sql`${numeric(sql`(${value} -> 'amount')`)} = ${need(filter.amount)}`;
        case 'DATE':
          return contains(dateOnly(need(filter.date)));
        case 'DATETIME':
          return contains(need(filter.dateTime).toISOString());
        case 'CHECKBOX':
          return sql`coalesce(${value}, 'false'::jsonb) = ${JSON.stringify(need(filter.checked))}::jsonb`;
        case 'MEMBER':
          return contains(idFromGlobalId(need(filter.memberId), 'User', 'Member'));
        default:
          return sql`lower(${doc} ->> ${key}) = lower(${need(filter.text)})`;
      }
  }
}

const numeric = (value: Prisma.Sql) => sql`(CASE WHEN jsonb_typeof(${value}) = 'number' THEN (${value} #>> '{}')::numeric END)`;

/** What a custom sort orders by, on alias `alias`: selects by option order, numbers as numbers, text in any case. */
export function sortExpression(field: CustomField, alias: string): Prisma.Sql {
  const doc = sql`${Prisma.raw(alias)}."customFields"`;
  const value = sql`(${doc} -> ${field.key})`;
  switch (field.type) {
    case 'NUMBER':
      return numeric(value);
    case 'CURRENCY':
      return numeric(sql`(${value} -> 'amount')`);
    case 'SELECT':
      return sql`array_position(${optionsOf(field).map((o) => o.id)}::text[], ${doc} ->> ${field.key})`;
    case 'MULTI_SELECT':
      return sql`array_position(${optionsOf(field).map((o) => o.id)}::text[], ${value} ->> 0)`;
    case 'DATE':
    case 'DATETIME':
    case 'CHECKBOX':
    case 'MEMBER':
      return sql`((${doc} ->> ${field.key}) COLLATE "C")`;
    default:
      return sql`lower(${doc} ->> ${field.key})`;
  }
}

export interface CustomQuery {
  conditions: Prisma.Sql[];
  /** The sort expression for an alias, or null to keep the list's own sort. */
  sort: ((alias: string) => Prisma.Sql) | null;
  descending: boolean;
}

/** Filters and sort checked against the definitions; null when the list needs neither. */
export async function customQuery(
  db: Db,
  workspaceId: string,
  entity: CustomFieldEntity,
  filters: readonly FilterShape[] | null | undefined,
  sort: SortShape | null | undefined,
  at = 'filter.custom',
): Promise<CustomQuery | null> {
  if (!filters?.length && !sort) return null;
  const field = await fieldsFor(db, workspaceId, entity, [...(filters ?? []).map((f) => f.key), ...(sort ? [sort.key] : [])]);
  const conditions = (filters ?? []).map((filter, i) => filterSql(field(filter.key, `${at}.${i}.key`), filter, `${at}.${i}`));
  const sortField = sort ? field(sort.key, 'customSort.key') : null;
  return { conditions, sort: sortField ? (alias) => sortExpression(sortField, alias) : null, descending: sort?.direction === 'DESC' };
}
