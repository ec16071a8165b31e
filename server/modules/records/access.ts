import DataLoader from 'dataloader';
import { roleCan } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { notFound } from '../../errors.js';
import type { RecordPolicy, Role } from '../../generated/prisma/enums.js';

/** What the viewer may see in one workspace: everything needed to build a visibility filter. */
export interface RecordAccess {
  workspaceId: string;
  userId: string;
  role: Role;
  policy: RecordPolicy;
  teamIds: string[];
}

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
 * The where-fragment for records with an owner, a visibility and shares (contacts, companies, deals,
 * communications). Admins see all; others see workspace-visible records (unless the workspace policy is
 * OWN_AND_SHARED), their own, and those shared with them or their teams. Soft-deleted rows are the
 * caller's concern.
 */
export function visibleWhere(access: RecordAccess) {
  const base = { workspaceId: access.workspaceId };
  if (roleCan(access.role, 'records:readAll')) return base;
  const sharedWithMe = {
    shares: { some: { OR: [{ userId: access.userId }, { teamId: { in: access.teamIds } }] } },
  };
  const mine = [{ ownerId: access.userId }, sharedWithMe];
  const open = access.policy === 'OPEN' ? [{ visibility: 'WORKSPACE' as const }] : [];
  return { ...base, OR: [...open, ...mine] };
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

export type VisibleModel = 'contact' | 'company' | 'deal' | 'communication';

export interface RecordRef {
  model: VisibleModel;
  id: string;
  workspaceId: string;
}

type IdFinder = (args: { where: object; select: { id: true } }) => Promise<Array<{ id: string }>>;

function visibilityLoader(context: Context, model: VisibleModel, workspaceId: string) {
  return context.memo(`seesRecord:${model}:${workspaceId}`, () =>
    new DataLoader<string, boolean>(async (ids) => {
      const access = await recordAccess(context, workspaceId);
      const delegate = context.prisma[model] as unknown as { findMany: IdFinder };
      const rows = await delegate.findMany({ where: { id: { in: [...ids] }, ...visibleWhere(access) }, select: { id: true } });
      const visible = new Set(rows.map((r) => r.id));
      return ids.map((id) => visible.has(id));
    }),
  );
}

/**
 * Whether the viewer may see a record loaded from the database (the ref's workspace is the row's own).
 * Admins see every record of their workspace without a query; for others the checks are batched,
 * one query per model per request, and rows a list already loaded through `visibleWhere` are known.
 */
export async function canSeeRecord(context: Context, ref: RecordRef): Promise<boolean> {
  const access = await recordAccess(context, ref.workspaceId);
  if (roleCan(access.role, 'records:readAll')) return true;
  return visibilityLoader(context, ref.model, ref.workspaceId).load(ref.id);
}

/** Ids of one model and workspace that this request loaded through `visibleWhere`. */
const knownVisibleIds = (context: Context, model: VisibleModel, workspaceId: string) =>
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
  return roleCan(standing.role, 'records:readAll') || knownVisibleIds(context, ref.model, ref.workspaceId).has(ref.id);
}
