import { canAssignRole, canManageMember } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { badInput, forbidden, notFound } from '../../errors.js';
import type { Role } from '../../generated/prisma/enums.js';
import { requireViewer } from '../accounts/session.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { assertOwnerRemains, findMembershipOrThrow } from './workspace.service.js';
import { queueSeatSync } from '../billing/seats.js';
import { emitEvent } from '../activity-events/record-event.js';

/** The acting member's role, read before any transaction (PGlite has one connection). */
async function actorRole(context: Context, workspaceId: string): Promise<Role> {
  const role = await context.roleIn(workspaceId);
  if (!role) throw notFound('Workspace');
  return role;
}

export async function changeMemberRole(context: Context, membershipId: string, role: Role) {
  const viewer = requireViewer(context);
  const target = await findMembershipOrThrow(context.prisma, membershipId);
  const actor = await actorRole(context, target.workspaceId);
  if (target.userId === viewer.user.id) throw forbidden('You cannot change your own role. Ask another admin or owner.');
  if (!canManageMember(actor, target.role) || !canAssignRole(actor, role)) {
    throw forbidden(`Your role (${actor}) cannot give or take the ${role === target.role ? role : `${target.role} or ${role}`} role.`);
  }
  const updated = await context.prisma.$transaction(async (tx) => {
    if (target.role === 'OWNER' && role !== 'OWNER') await assertOwnerRemains(tx, target.workspaceId, target.id);
    await recordAudit(tx, context, {
      workspaceId: target.workspaceId,
      action: 'member.role_changed',
      targetType: 'User',
      targetId: target.userId,
      details: { from: target.role, to: role },
    });
    return tx.membership
      .update({ where: { id: target.id }, data: { role } })
      .then((row) => emitEvent(tx, context, row, 'Membership', 'role_changed', { userId: row.userId, from: target.role, to: role }));
  });
  context.invalidateRoles();
  return updated;
}

export async function removeMember(context: Context, membershipId: string) {
  const viewer = requireViewer(context);
  const target = await findMembershipOrThrow(context.prisma, membershipId);
  const actor = await actorRole(context, target.workspaceId);
  if (target.userId === viewer.user.id) throw badInput('To remove yourself, leave the workspace.');
  if (!canManageMember(actor, target.role)) throw forbidden(`Your role (${actor}) cannot remove a ${target.role}.`);
  await context.prisma.$transaction(async (tx) => {
    if (target.role === 'OWNER') await assertOwnerRemains(tx, target.workspaceId, target.id);
    await tx.membership.delete({ where: { id: target.id } });
    await queueSeatSync(context.app.billing, tx, target.workspaceId);
    await emitEvent(tx, context, target, 'Membership', 'left', { userId: target.userId, role: target.role, removed: true });
    await recordAudit(tx, context, {
      workspaceId: target.workspaceId,
      action: 'member.removed',
      targetType: 'User',
      targetId: target.userId,
      details: { role: target.role },
    });
  });
  context.invalidateRoles();
}

export async function leaveWorkspace(context: Context, workspaceId: string) {
  const viewer = requireViewer(context);
  await context.prisma.$transaction(async (tx) => {
    const own = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId: viewer.user.id } } });
    if (!own) throw notFound('Workspace');
    if (own.role === 'OWNER') await assertOwnerRemains(tx, workspaceId, own.id);
    await tx.membership.delete({ where: { id: own.id } });
    await queueSeatSync(context.app.billing, tx, workspaceId);
    await emitEvent(tx, context, own, 'Membership', 'left', { userId: own.userId, role: own.role });
  });
  context.invalidateRoles();
}

/** Returns the workspace ID. The target becomes an owner, the acting owner an admin. */
export async function transferOwnership(context: Context, membershipId: string): Promise<string> {
  const viewer = requireViewer(context);
  const target = await findMembershipOrThrow(context.prisma, membershipId);
  if (target.userId === viewer.user.id) throw badInput('You already own this workspace.');
  await context.prisma.$transaction(async (tx) => {
    await tx.membership.update({ where: { id: target.id }, data: { role: 'OWNER' } });
    await tx.membership
      .update({
        where: { workspaceId_userId: { workspaceId: target.workspaceId, userId: viewer.user.id } },
        data: { role: 'ADMIN' },
      })
      .then((row) =>
        emitEvent(tx, context, target, 'Membership', 'role_changed', {
          userId: target.userId,
          from: target.role,
          to: 'OWNER',
          previousOwnerMembershipId: row.id,
        }),
      );
    await recordAudit(tx, context, { workspaceId: target.workspaceId, action: 'workspace.ownership_transferred', targetType: 'User', targetId: target.userId });
  });
  context.invalidateRoles();
  return target.workspaceId;
}
