import { canAssignRole } from '../../auth/permissions.js';
import { generateSecretToken, hashToken } from '../../auth/tokens.js';
import type { Context } from '../../context.js';
import { badInput, forbidden, notFound } from '../../errors.js';
import type { Role } from '../../generated/prisma/enums.js';
import { invitationEmail } from '../../mail/templates.js';
import { normalizeEmail } from '../accounts/inputs.js';
import { actionLink, requireViewer } from '../accounts/session.service.js';
import { emitEvent } from '../activity-events/record-event.js';
import { assertRoom } from '../billing/limits.js';
import { queueSeatSync } from '../billing/seats.js';

const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

async function sendInvitation(context: Context, invitation: { email: string; role: Role; workspaceId: string }, token: string) {
  const workspace = await context.prisma.workspace.findUniqueOrThrow({ where: { id: invitation.workspaceId } });
  const link = actionLink(context, '/invitations/accept', token);
  const inviter = requireViewer(context).user.name;
  await context.app.mailer.send({ ...invitationEmail(invitation.email, inviter, workspace.name, invitation.role, link), workspaceId: workspace.id });
}

function freshToken() {
  const token = generateSecretToken();
  return { token, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS) };
}

export async function inviteMember(context: Context, workspaceId: string, rawEmail: string, role: Role) {
  const viewer = requireViewer(context);
  const actor = await context.roleIn(workspaceId);
  if (!actor || !canAssignRole(actor, role)) throw forbidden(`Your role (${actor}) cannot invite a ${role}.`);
  const email = normalizeEmail(rawEmail);
  const existing = await context.prisma.membership.findFirst({ where: { workspaceId, user: { email } } });
  if (existing) throw badInput('This person is already a member of the workspace.', 'email');
  await context.app.actionLimits.consume('invitation', workspaceId);
  const { token, ...secret } = freshToken();
  const invitation = await context.prisma.$transaction(async (tx) => {
    // A pending invitation holds a seat; a new one to the same address replaces it.
    await assertRoom(context.app.billing, tx, workspaceId, 'seats', 1, { exceptInvitationTo: email });
    // One live invitation per address: a new one replaces any pending one.
    await tx.invitation.updateMany({
      where: { workspaceId, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return tx.invitation
      .create({ data: { workspaceId, email, role, invitedById: viewer.user.id, ...secret } })
      .then((row) => emitEvent(tx, context, row, 'Invitation', 'created', { role }));
  });
  await sendInvitation(context, invitation, token);
  return invitation;
}

/** A pending invitation the viewer may manage: like inviting, only for roles up to their own. */
async function pendingInvitation(context: Context, invitationId: string) {
  const invitation = await context.prisma.invitation.findUnique({ where: { id: invitationId } });
  if (!invitation) throw notFound('Invitation');
  const actor = await context.roleIn(invitation.workspaceId);
  if (!actor) throw notFound('Invitation');
  if (!canAssignRole(actor, invitation.role)) throw forbidden(`Your role (${actor}) cannot manage an invitation as ${invitation.role}.`);
  if (invitation.acceptedAt || invitation.revokedAt) throw badInput('This invitation was already accepted or revoked.');
  return invitation;
}

export async function resendInvitation(context: Context, invitationId: string) {
  const invitation = await pendingInvitation(context, invitationId);
  await context.app.actionLimits.consume('invitation', invitation.workspaceId);
  const { token, ...secret } = freshToken();
  const updated = await context.prisma.$transaction((tx) =>
    tx.invitation.update({ where: { id: invitation.id }, data: secret }).then((row) => emitEvent(tx, context, row, 'Invitation', 'resent')),
  );
  await sendInvitation(context, updated, token);
  return updated;
}

export async function revokeInvitation(context: Context, invitationId: string) {
  const invitation = await pendingInvitation(context, invitationId);
  return context.prisma.$transaction((tx) =>
    tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } }).then((row) => emitEvent(tx, context, row, 'Invitation', 'revoked')),
  );
}

export async function findInvitationByToken(context: Context, token: string) {
  const invitation = await context.prisma.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { workspace: true, invitedBy: { select: { name: true } } },
  });
  const live = invitation && !invitation.acceptedAt && !invitation.revokedAt && invitation.expiresAt > new Date();
  if (!live) throw badInput('This invitation is invalid, expired or already used.', 'token');
  return invitation;
}

/** Joins the invited workspace. The invitation must be addressed to the signed-in user's email. */
export async function acceptInvitation(context: Context, token: string) {
  const viewer = requireViewer(context);
  const invitation = await findInvitationByToken(context, token);
  if (invitation.email !== viewer.user.email) {
    throw forbidden('This invitation was sent to another email address. Sign in with that address to accept it.');
  }
  const membership = await context.prisma.$transaction(async (tx) => {
    await assertRoom(context.app.billing, tx, invitation.workspaceId, 'seats', 1, { exceptInvitationTo: invitation.email });
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw badInput('This invitation is invalid, expired or already used.', 'token');
    const already = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: viewer.user.id } },
    });
    if (already) throw badInput('You are already a member of this workspace.');
    await queueSeatSync(context.app.billing, tx, invitation.workspaceId);
    return tx.membership
      .create({ data: { workspaceId: invitation.workspaceId, userId: viewer.user.id, role: invitation.role } })
      .then((row) => emitEvent(tx, context, row, 'Membership', 'joined', { userId: row.userId, role: row.role }));
  });
  context.invalidateRoles();
  return membership;
}
