import { decodeGlobalID } from '@pothos/plugin-relay';
import { badInput } from '../../errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Accepts a workspace's global ID or its raw UUID (handy in the x-workspace-id header). */
export function parseWorkspaceId(value: string | null | undefined): string | null {
  if (!value) return null;
  if (UUID.test(value)) return value.toLowerCase();
  try {
    const { typename, id } = decodeGlobalID(value);
    if (typename === 'Workspace' && UUID.test(id)) return id.toLowerCase();
  } catch {
    // fall through to the error below
  }
  throw badInput('Not a valid workspace ID.', 'workspaceId');
}
