import { decodeGlobalID } from '@pothos/plugin-relay';
import { badInput } from '../../errors.js';
import { isUuid } from '../node/uuid.js';

/** Accepts a workspace's global ID or its raw UUID (handy in the x-workspace-id header). */
export function parseWorkspaceId(value: string | null | undefined): string | null {
  if (!value) return null;
  if (isUuid(value)) return value.toLowerCase();
  try {
    const { typename, id } = decodeGlobalID(value);
    if (typename === 'Workspace' && isUuid(id)) return id.toLowerCase();
  } catch {
    // fall through to the error below
  }
  throw badInput('Not a valid workspace ID.', 'workspaceId');
}
