import type { Directories, PendingRow, RunSettings } from './batch-types.js';
import { checkDeal } from './deal-values.js';
import type { ImportMapping } from './mapping.js';
import { checkCompany, checkContact, type CheckedRow } from './row-values.js';

/** Pure: the row's values, or every reason it cannot be imported (owners are checked later, against the members). */
function checkRow(cells: string[], mapping: ImportMapping, phoneCountry: string | undefined): CheckedRow {
  if (mapping.entity === 'DEAL') return checkDeal(cells, mapping);
  return mapping.entity === 'CONTACT' ? checkContact(cells, mapping, phoneCountry) : checkCompany(cells, mapping);
}

/** Each pending row with its check; a row the reader could not read fails with the reader's reason. */
export function checkRows(rows: PendingRow[], settings: Pick<RunSettings, 'mapping' | 'phoneCountry'>) {
  return rows.map((row) => ({
    row,
    check: row.problem ? { values: null, errors: [row.problem] } : checkRow(row.cells, settings.mapping, settings.phoneCountry),
  }));
}

/** The owner a row's records get: the importer for a private import, else the member the row names (if any). */
export function ownerOf(
  settings: Pick<RunSettings, 'visibility' | 'importerId'>,
  directories: Pick<Directories, 'members'>,
  owner: string | undefined | null,
): { ownerId: string | undefined } | { reason: string } {
  if (settings.visibility === 'PRIVATE') return { ownerId: settings.importerId };
  if (!owner) return { ownerId: undefined };
  const ownerId = directories.members.find(owner) ?? undefined;
  return ownerId ? { ownerId } : { reason: `Unknown owner "${owner}": no member of the workspace has that email or name.` };
}
