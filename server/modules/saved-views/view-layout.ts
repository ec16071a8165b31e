// A view's columns and (deals) board grouping, checked against the list's columns and the live custom fields.
import { badInput } from '../../errors.js';
import type { CustomField } from '../../generated/prisma/client.js';
import type { CustomFieldEntity } from '../../generated/prisma/enums.js';

/** The web app's standard columns per list; custom fields are `custom:<key>`. */
export const STANDARD_COLUMNS: Record<CustomFieldEntity, readonly string[]> = {
  CONTACT: ['name', 'email', 'company', 'stage', 'owner', 'updated'],
  COMPANY: ['name', 'domain', 'industry', 'location', 'updated'],
  DEAL: ['name', 'amount', 'stage', 'company', 'owner', 'closeDate'],
};

export const MAX_COLUMNS = 40;
export const CUSTOM_PREFIX = 'custom:';

export interface ViewColumn {
  key: string;
  width?: number | null;
}

const customKey = (key: string) => (key.startsWith(CUSTOM_PREFIX) ? key.slice(CUSTOM_PREFIX.length) : null);

export function checkColumns(entity: CustomFieldEntity, columns: readonly ViewColumn[], live: Map<string, CustomField>): ViewColumn[] {
  const seen = new Set<string>();
  return columns.map((column, i) => {
    const at = `input.columns.${i}.key`;
    const custom = customKey(column.key);
    if (custom != null ? !live.has(custom) : !STANDARD_COLUMNS[entity].includes(column.key)) {
      throw badInput(`No column "${column.key}" in this list: use ${STANDARD_COLUMNS[entity].join(', ')} or custom:<a live field's key>.`, at);
    }
    if (seen.has(column.key)) throw badInput(`The column "${column.key}" is listed twice.`, at);
    seen.add(column.key);
    return { key: column.key, width: column.width ?? null };
  });
}

/** Deals only: the board groups by stage, owner, or a live single-select field. */
export function checkGroupBy(entity: CustomFieldEntity, groupBy: string | null | undefined, live: Map<string, CustomField>): string | null {
  if (groupBy == null) return null;
  if (entity !== 'DEAL') throw badInput('Only deal views group a board.', 'input.groupBy');
  if (groupBy === 'stage' || groupBy === 'owner') return groupBy;
  const field = live.get(customKey(groupBy) ?? '');
  if (field?.type !== 'SELECT') throw badInput(`A board groups by stage, owner or custom:<a single-select field's key>, not "${groupBy}".`, 'input.groupBy');
  return groupBy;
}

/** Columns whose custom field is no longer live are left out when read, and named. */
export function liveColumns(columns: readonly ViewColumn[], live: Set<string>) {
  const missing: string[] = [];
  const kept = columns.filter((c) => {
    const custom = customKey(c.key);
    if (custom == null || live.has(custom)) return true;
    missing.push(custom);
    return false;
  });
  return { columns: kept, missing };
}
