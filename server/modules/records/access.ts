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
    const role = await context.roleIn(workspaceId);
    if (!userId || !role) throw notFound('Workspace');
    const [workspace, teams] = await Promise.all([
      context.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { recordPolicy: true } }),
      context.prisma.teamMember.findMany({ where: { userId, team: { workspaceId } }, select: { teamId: true } }),
    ]);
    return { workspaceId, userId, role, policy: workspace.recordPolicy, teamIds: teams.map((t) => t.teamId) };
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

export type VisibleModel = 'contact' | 'company' | 'deal' | 'communication';

export interface RecordRef {
  model: VisibleModel;
  id: string;
  workspaceId: string;
}

type IdFinder = (args: { where: object; select: { id: true } }) => Promise<Array<{ id: string }>>;

/** Batches "can the viewer see this record?" per model, one query per model per request. */
export function canSeeRecord(context: Context, ref: RecordRef): Promise<boolean> {
  const loader = context.memo(`seesRecord:${ref.model}:${ref.workspaceId}`, () =>
    new DataLoader<string, boolean>(async (ids) => {
      const access = await recordAccess(context, ref.workspaceId);
      const delegate = context.prisma[ref.model] as unknown as { findMany: IdFinder };
      const rows = await delegate.findMany({ where: { id: { in: [...ids] }, ...visibleWhere(access) }, select: { id: true } });
      const visible = new Set(rows.map((r) => r.id));
      return ids.map((id) => visible.has(id));
    }),
  );
  return loader.load(ref.id);
}
