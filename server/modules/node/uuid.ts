import { decodeGlobalID } from '@pothos/plugin-relay';
import { notFound } from '../../errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the text can be a primary key (any case). */
export const isUuid = (value: string) => UUID.test(value);

/** A where-clause for a primary key; an ID that cannot be a key reads as missing, not as a server error. */
export function byUuid(id: string): { id: string } {
  if (!UUID.test(id)) throw notFound();
  return { id: id.toLowerCase() };
}

/** The primary key inside a global ID of the expected type; anything else reads as missing. */
export function idFromGlobalId(globalId: string, typename: string, what = typename): string {
  try {
    const decoded = decodeGlobalID(globalId);
    if (decoded.typename === typename && UUID.test(decoded.id)) return decoded.id.toLowerCase();
  } catch {
    // not a global ID at all
  }
  throw notFound(what);
}

/**
 * For IDs that may name one of several types: the entry for the ID's type in `byTypename`, with the
 * primary key. An unknown type, a foreign or malformed ID all read as not found.
 */
export function entryForGlobalId<T>(globalId: string, byTypename: Readonly<Record<string, T>>, what = 'Record'): { entry: T; id: string } {
  try {
    const decoded = decodeGlobalID(globalId);
    const entry = Object.hasOwn(byTypename, decoded.typename) ? byTypename[decoded.typename] : undefined;
    if (entry !== undefined && UUID.test(decoded.id)) return { entry, id: decoded.id.toLowerCase() };
  } catch {
    // not a global ID at all
  }
  throw notFound(what);
}

/** The options every node keyed by its UUID column starts with: `id` is the column, and a global ID finds the row. */
export const uuidNode = { id: { field: 'id' as const }, findUnique: byUuid };

/** The same for records with a trash: a trashed record is not found by its global ID. */
export const liveUuidNode = { id: { field: 'id' as const }, findUnique: (id: string) => ({ ...byUuid(id), deletedAt: null }) };

/** A workspace's own row (a setting, a tag, a team...): every member of the workspace sees it. */
export const memberNode = { ...uuidNode, authScopes: (row: { workspaceId: string }) => ({ member: row.workspaceId }) };
