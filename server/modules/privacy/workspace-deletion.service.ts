import { roleCan, rolesWith } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { badInput, notFound } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { enqueueJob } from '../../jobs/queue.js';
import { sendOrLog } from '../../mail/mailer.js';
import { assertCurrentPassword } from '../accounts/current-password.js';
import { requireViewer } from '../accounts/session.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { PURGE_MAX_ATTEMPTS, purgeDate } from './deletion-grace.js';
import { emitEvent } from '../activity-events/record-event.js';

export const WORKSPACE_PURGE = 'workspace.purge';

/** The owner's own membership, read directly: a closed workspace is out of reach of the usual role checks. */
async function ownedWorkspace(context: Context, workspaceId: string) {
  const userId = requireViewer(context).user.id;
  const membership = await context.prisma.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    include: { workspace: true, user: { select: { email: true, passwordHash: true } } },
  });
  if (!membership) throw notFound('Workspace');
  return membership;
}

async function tellOwners(context: Context, workspaceId: string, subject: string, text: string) {
  const owners = await context.prisma.membership.findMany({
    where: { workspaceId, role: { in: rolesWith('workspace:delete') } },
    select: { user: { select: { id: true, email: true } } },
  });
  for (const { user } of owners) await sendOrLog(context.app.mailer, context.app.logger, { to: user.email, subject, text, workspaceId, userId: user.id });
}

/** Closes the workspace to everyone, fails its unwritten exports and books its purge. */
export async function closeWorkspace(tx: Prisma.TransactionClient, workspaceId: string, closedAt: Date, purgeAfter: Date) {
  await tx.workspace.update({ where: { id: workspaceId }, data: { closedAt, purgeAfter } });
  await tx.apiKey.updateMany({ where: { workspaceId, revokedAt: null }, data: { revokedAt: closedAt } });
  // Its queued jobs do nothing from now on; an export that will not be written must not block new ones if the deletion is cancelled.
  await tx.workspaceExport.updateMany({
    where: { workspaceId, status: { in: ['QUEUED', 'RUNNING'] } },
    data: { status: 'FAILED', error: 'The workspace was scheduled for deletion before this export was written.' },
  });
  await enqueueJob(
    tx,
    WORKSPACE_PURGE,
    { workspaceId },
    { runAt: purgeAfter, maxAttempts: PURGE_MAX_ATTEMPTS, uniqueKey: `${WORKSPACE_PURGE}:${workspaceId}:${closedAt.getTime()}:${purgeAfter.getTime()}` },
  );
}

/**
 * Closes the workspace at once (no member, session or API key reaches it, live subscriptions end on their
 * next check; its public forms, webhooks and queued jobs fall silent) and books its purge after the grace
 * period. An owner can cancel until then.
 */
export async function requestWorkspaceDeletion(context: Context, workspaceId: string, confirmName: string, password: string) {
  const membership = await ownedWorkspace(context, workspaceId);
  const { workspace } = membership;
  if (!roleCan(membership.role, 'workspace:delete')) throw notFound('Workspace');
  if (workspace.closedAt) throw badInput('This workspace is already scheduled for deletion.');
  if (confirmName.trim() !== workspace.name) throw badInput('Type the workspace name exactly as it is to confirm.', 'confirmName');
  await assertCurrentPassword(context, membership.user, password, 'Password is incorrect.', 'password');
  const closedAt = new Date();
  const purgeAfter = purgeDate(context.app.config.retention.deletedWorkspaceDays, closedAt);
  await context.prisma.$transaction(async (tx) => {
    await closeWorkspace(tx, workspaceId, closedAt, purgeAfter);
    await emitEvent(tx, context, { id: workspaceId, workspaceId }, 'Workspace', 'deletion_requested', { purgeAfter: purgeAfter.toISOString() });
    await recordAudit(tx, context, {
      workspaceId,
      action: 'workspace.deletion_requested',
      targetType: 'Workspace',
      targetId: workspaceId,
      details: { purgeAfter: purgeAfter.toISOString() },
    });
  });
  context.invalidateRoles();
  await tellOwners(
    context,
    workspaceId,
    `"${workspace.name}" will be deleted`,
    `The workspace "${workspace.name}" is closed and will be deleted for good on ${purgeAfter.toUTCString()}. An owner can cancel until then.`,
  );
  return { workspaceId, purgeAfter };
}

export async function cancelWorkspaceDeletion(context: Context, workspaceId: string) {
  const membership = await ownedWorkspace(context, workspaceId);
  if (!roleCan(membership.role, 'workspace:delete')) throw notFound('Workspace');
  if (!membership.workspace.closedAt) throw badInput('This workspace is not scheduled for deletion.');
  // Once the grace period is over the purge may have begun: reopening would show a half-purged workspace.
  const tooLate = () => badInput('The grace period is over: this workspace is being deleted and can no longer be restored.');
  if (membership.workspace.purgeAfter && membership.workspace.purgeAfter <= new Date()) throw tooLate();
  await context.prisma.$transaction(async (tx) => {
    const reopened = await tx.workspace.updateMany({ where: { id: workspaceId, purgeAfter: { gt: new Date() } }, data: { closedAt: null, purgeAfter: null } });
    if (reopened.count === 0) throw tooLate();
    await emitEvent(tx, context, { id: workspaceId, workspaceId }, 'Workspace', 'deletion_cancelled');
    await recordAudit(tx, context, { workspaceId, action: 'workspace.deletion_cancelled', targetType: 'Workspace', targetId: workspaceId });
  });
  context.invalidateRoles();
  await tellOwners(
    context,
    workspaceId,
    `"${membership.workspace.name}" will not be deleted`,
    `The deletion of "${membership.workspace.name}" was cancelled; the workspace is open again.`,
  );
}
