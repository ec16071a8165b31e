// The viewer's access to records in a request: loaded once per workspace, and the batched single-record
// checks derived from the record rules' where-fragments.
import DataLoader from 'dataloader';
import { delegateOf } from '../db/delegate.js';
import type { Context } from '../context.js';
import { notFound } from '../errors.js';
import { roleCan } from './permissions.js';
import { isVisibleModel, SEES_EVERY_RECORD, type RecordAccess, type RecordModel, type VisibleModel } from './record-rules.js';
import { recordWhere, visibleWhere } from './record-where.js';

/** Loaded once per request and workspace. Throws NOT_FOUND for a workspace the viewer is not in. */
export function recordAccess(context: Context, workspaceId: string): Promise<RecordAccess> {
  return context.memo(`recordAccess:${workspaceId}`, async () => {
    const userId = context.viewer?.user.id;
    const standing = await context.standingIn(workspaceId);
    if (!userId || !standing) throw notFound('Workspace');
    return { workspaceId, userId, role: standing.role, policy: standing.recordPolicy, teamIds: standing.teamIds };
  });
}

/**
 * Visibility across every workspace the viewer is in, for relation queries that cannot see their parent
 * row (and so its workspace): a record must be visible under its own workspace's rules.
 */
export async function visibleInAnyWorkspace(context: Context) {
  const userId = context.viewer?.user.id;
  const standings = await context.standings();
  if (!userId || standings.size === 0) return { id: { in: [] as string[] } };
  const perWorkspace = [...standings].map(([workspaceId, s]) =>
    visibleWhere({ workspaceId, userId, role: s.role, policy: s.recordPolicy, teamIds: s.teamIds }),
  );
  return perWorkspace.length === 1 ? perWorkspace[0]! : { OR: perWorkspace };
}

export interface RecordRef {
  model: RecordModel;
  id: string;
  workspaceId: string;
}

type IdFinder = (args: { where: object; select: { id: true } }) => Promise<Array<{ id: string }>>;

/** Batches "can the viewer see this row?" into one query per model, workspace and request. */
function visibilityLoader(context: Context, model: RecordModel, workspaceId: string) {
  return context.memo(
    `seesRecord:${model}:${workspaceId}`,
    () =>
      new DataLoader<string, boolean>(async (ids) => {
        const access = await recordAccess(context, workspaceId);
        const delegate = delegateOf<{ findMany: IdFinder }>(context.prisma, model);
        const rows = await delegate.findMany({ where: { AND: [{ id: { in: [...ids] } }, recordWhere(model, access)] }, select: { id: true } });
        const visible = new Set(rows.map((r) => r.id));
        return ids.map((id) => visible.has(id));
      }),
  );
}

/**
 * Whether the viewer may see a row loaded from the database (the ref's workspace is the row's own).
 * Admins see every record with its own visibility without a query (rows seen through links or a target
 * are still asked: the row or its target may be gone); other checks are batched per model and request,
 * and rows a list already loaded through `visibleWhere` are known.
 */
export async function canSeeRecord(context: Context, ref: RecordRef): Promise<boolean> {
  const access = await recordAccess(context, ref.workspaceId);
  if (isVisibleModel(ref.model) && roleCan(access.role, SEES_EVERY_RECORD)) return true;
  return visibilityLoader(context, ref.model, ref.workspaceId).load(ref.id);
}

/** Ids of one model and workspace that this request loaded through `visibleWhere`. */
const knownVisibleIds = (context: Context, model: RecordModel, workspaceId: string) =>
  context.memo(`knownVisible:${model}:${workspaceId}`, () => new Set<string>());

/** Records that were just loaded through `visibleWhere`: the per-type visibility check need not ask again. */
export function rememberVisible<T extends { id: string }>(context: Context, model: VisibleModel, workspaceId: string, rows: T[]): T[] {
  const loader = visibilityLoader(context, model, workspaceId);
  const known = knownVisibleIds(context, model, workspaceId);
  for (const row of rows) {
    loader.prime(row.id, true);
    known.add(row.id);
  }
  return rows;
}

/**
 * True when the request already knows, without waiting, that the viewer sees the record: their standing
 * in its workspace is loaded and reads every record (admins), or a `visibleWhere` list loaded it. False
 * means "not known yet" (ask `canSeeRecord`), never "hidden". Lets auth scopes on a page of rows resolve
 * synchronously instead of turning every field of every row into a promise.
 */
export function knownVisible(context: Context, ref: RecordRef): boolean {
  const standing = context.loadedStandings()?.get(ref.workspaceId);
  if (!standing || !context.viewer) return false;
  return (isVisibleModel(ref.model) && roleCan(standing.role, SEES_EVERY_RECORD)) || knownVisibleIds(context, ref.model, ref.workspaceId).has(ref.id);
}
