// CSV exports give each custom field of contacts, companies and deals a column of its own (`custom.<key>`),
// written as a spreadsheet reads it: option labels, amounts with their currency, members' emails. The
// `customFields` column keeps the stored document, which an import of the same file reads back.
import type { SqlRunner } from '../../db/sql-runner.js';
import type { CustomFieldType } from '../../generated/prisma/enums.js';
import type { Currency, FieldOption } from '../custom-fields/field-values.js';

const ENTITIES: Record<string, string> = { Contact: 'CONTACT', Company: 'COMPANY', Deal: 'DEAL' };

interface FieldRow {
  key: string;
  type: CustomFieldType;
  options: FieldOption[];
}

export interface CustomColumns {
  headers: string[];
  cells: (row: Record<string, unknown>) => string[];
}

/** The table's custom columns in the workspace (fields not deleted, in their order), or null for other tables. */
export async function customColumns(sql: SqlRunner, table: string, workspaceId: string): Promise<CustomColumns | null> {
  const entity = ENTITIES[table];
  if (!entity) return null;
  const fields = await sql.query<FieldRow>(
    `SELECT key, type::text AS type, options FROM "CustomField" WHERE "workspaceId" = $1 AND entity = $2::"CustomFieldEntity" AND "deletedAt" IS NULL ORDER BY position, id`,
    [workspaceId, entity],
  );
  if (!fields.length) return null;
  const members = fields.some((f) => f.type === 'MEMBER')
    ? new Map(
        (
          await sql.query<{ id: string; email: string }>(
            `SELECT u.id::text AS id, u.email FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE m."workspaceId" = $1`,
            [workspaceId],
          )
        ).map((u) => [u.id, u.email]),
      )
    : new Map<string, string>();
  return {
    headers: fields.map((f) => `custom.${f.key}`),
    cells: (row) => {
      const doc = (row.customFields ?? {}) as Record<string, unknown>;
      return fields.map((f) => formatValue(f, doc[f.key], members));
    },
  };
}

function formatValue(field: FieldRow, value: unknown, members: Map<string, string>): string {
  if (value == null || value === '') return '';
  const label = (id: unknown) => field.options.find((o) => o.id === id)?.label ?? String(id);
  switch (field.type) {
    case 'CURRENCY': {
      const money = value as Currency;
      return `${money.amount} ${money.currency}`;
    }
    case 'CHECKBOX':
      return value === true ? 'yes' : 'no';
    case 'SELECT':
      return label(value);
    case 'MULTI_SELECT':
      return (value as unknown[]).map(label).join('; ');
    case 'MEMBER':
      return members.get(String(value)) ?? String(value);
    default:
      return String(value);
  }
}
