import type { AppServices } from '../../app-services.js';
import type { Context } from '../../context.js';
import { badInput } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { getDatamodel } from '../../generated/pothos-types.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { JobHandler } from '../../jobs/worker.js';
import { assertCurrentPassword } from '../accounts/current-password.js';
import { endSession, requireViewer } from '../accounts/session.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { PURGE_MAX_ATTEMPTS, purgeDate } from './deletion-grace.js';
import { emitEvent, type EventSink } from '../activity-events/record-event.js';
import type { Billing } from '../billing/billing.service.js';
import { queueSeatSync } from '../billing/seats.js';
import { recordDeletion } from './deletion-ledger.js';

export const USER_PURGE = 'user.purge';

/** Field names that hold secrets: never exported, whatever table they are in. */
const SECRET_FIELD = /hash|secret|token|^id$/i;

/** Tables keyed by a user that the explicit sections below do not cover (usage data, for instance). */
function otherUserTables(): Array<{ model: string; fields: string[] }> {
  // OutboxEmail: copies of emails whose links are secrets; purged below, never exported.
  const covered = new Set(['User', 'Session', 'Membership', 'AuthToken', 'TeamMember', 'OutboxEmail']);
  return Object.entries(getDatamodel().datamodel.models)
    .filter(([name, model]) => !covered.has(name) && model.fields.some((f) => f.name === 'userId'))
    .map(([name, model]) => ({ model: name, fields: model.fields.filter((f) => f.kind === 'scalar' && !SECRET_FIELD.test(f.name)).map((f) => f.name) }));
}

type FindManyDelegate = { findMany: (args: object) => Promise<unknown[]> };
const delegateOf = (db: object, model: string) => (db as Record<string, FindManyDelegate>)[model[0]!.toLowerCase() + model.slice(1)]!;

/** Everything Kith keeps about the signed-in user's account, as one JSON document (data portability). */
export async function exportMyData(context: Context) {
  const userId = requireViewer(context).user.id;
  const db = context.prisma;
  const [user, memberships, sessions, teams, audit] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        id: true,
        name: true,
        email: true,
        emailVerifiedAt: true,
        ageConfirmedAt: true,
        theme: true,
        fontFamily: true,
        fontSize: true,
        createdAt: true,
        updatedAt: true,
      },
    }),
    db.membership.findMany({ where: { userId }, select: { role: true, createdAt: true, workspace: { select: { id: true, name: true } } } }),
    db.session.findMany({ where: { userId }, select: { createdAt: true, expiresAt: true, ipAddress: true, userAgent: true } }),
    db.teamMember.findMany({ where: { userId }, select: { team: { select: { name: true, workspaceId: true } } } }),
    db.auditLogEntry.findMany({
      where: { actorUserId: userId },
      select: { action: true, workspaceId: true, ip: true, userAgent: true, createdAt: true },
      orderBy: { createdAt: 'asc' },
    }),
  ]);
  const other: Record<string, unknown[]> = {};
  for (const { model, fields } of otherUserTables()) {
    other[model] = await delegateOf(db, model).findMany({ where: { userId }, select: Object.fromEntries(fields.map((f) => [f, true])) });
  }
  await recordAudit(db, context, { workspaceId: null, action: 'user.data_exported', targetType: 'User', targetId: userId });
  const { theme, fontFamily, fontSize, ...profile } = user;
  return JSON.parse(
    JSON.stringify({
      exportedAt: new Date(),
      profile,
      preferences: { theme, fontFamily, fontSize },
      memberships,
      sessions,
      teams,
      securityLog: audit,
      ...other,
    }),
  ) as Record<string, unknown>;
}

/** Workspaces that would be left without an owner if this user went away. */
async function workspacesOnlyOwnedBy(context: Context, userId: string) {
  const owned = await context.prisma.membership.findMany({
    where: { userId, role: 'OWNER', workspace: { closedAt: null } },
    select: { workspace: { select: { name: true, memberships: { where: { role: 'OWNER' }, select: { id: true } } } } },
  });
  return owned.filter((m) => m.workspace.memberships.length === 1).map((m) => m.workspace.name);
}

/** Signs the account out everywhere, takes it out of every workspace and books its purge. */
export async function closeAccount(
  tx: Prisma.TransactionClient,
  sink: EventSink,
  userId: string,
  deletedAt: Date,
  purgeAfter: Date,
  billing: Billing | null = null,
) {
  await tx.user.update({ where: { id: userId }, data: { deletedAt, purgeAfter } });
  for (const m of await tx.membership.findMany({ where: { userId } })) {
    await emitEvent(tx, sink, m, 'Membership', 'left', { userId, role: m.role, accountDeleted: true });
    await queueSeatSync(billing, tx, m.workspaceId);
  }
  await tx.membership.deleteMany({ where: { userId } });
  await tx.teamMember.deleteMany({ where: { userId } });
  await tx.apiKey.deleteMany({ where: { createdById: userId } });
  await tx.authToken.deleteMany({ where: { userId } });
  await tx.session.deleteMany({ where: { userId } });
  await enqueueJob(
    tx,
    USER_PURGE,
    { userId },
    { runAt: purgeAfter, maxAttempts: PURGE_MAX_ATTEMPTS, uniqueKey: `${USER_PURGE}:${userId}:${purgeAfter.getTime()}` },
  );
}

/**
 * Deletes the signed-in user's account: signed out everywhere and removed from every workspace at once;
 * the personal data left on the user row is wiped when the grace period ends. Records they created stay
 * in their workspaces, attributed to a deleted user.
 */
export async function deleteMyAccount(context: Context, password: string) {
  const viewer = requireViewer(context);
  const userId = viewer.user.id;
  const lastOwnerOf = await workspacesOnlyOwnedBy(context, userId);
  if (lastOwnerOf.length > 0) {
    throw badInput(
      `You are the only owner of ${lastOwnerOf.map((n) => `"${n}"`).join(', ')}. Make another member an owner (transferOwnership) or delete the workspace first.`,
    );
  }
  const user = await context.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true } });
  await assertCurrentPassword(context, user, password, 'Password is incorrect.', 'password');
  const deletedAt = new Date();
  const purgeAfter = purgeDate(context.app.config.retention.deletedAccountDays, deletedAt);
  await context.prisma.$transaction(async (tx) => {
    await closeAccount(tx, context, userId, deletedAt, purgeAfter, context.app.billing);
    await recordAudit(tx, context, {
      workspaceId: null,
      action: 'user.deleted',
      targetType: 'User',
      targetId: userId,
      details: { purgeAfter: purgeAfter.toISOString() },
    });
  });
  // The session row is gone already; this clears the cookie and the request's viewer.
  context.viewer = { ...viewer, session: null };
  await endSession(context);
  return purgeAfter;
}

/** Wipes what identified a deleted user; the row stays so their records remain attributed to "Deleted user". */
export function userPurgeHandlers(app: AppServices): Record<string, JobHandler> {
  return {
    [USER_PURGE]: async ({ userId }: { userId: string }) => {
      const prisma = app.db.prisma;
      const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true, deletedAt: true, purgeAfter: true } });
      if (!user?.deletedAt || !user.purgeAfter || user.purgeAfter > new Date()) return;
      await prisma.$transaction(async (tx) => {
        for (const { model } of otherUserTables()) {
          await (tx as unknown as Record<string, { deleteMany: (a: object) => Promise<unknown> }>)[model[0]!.toLowerCase() + model.slice(1)]!.deleteMany({
            where: { userId },
          });
        }
        const wipedEmail = `deleted-${userId}@deleted.invalid`;
        const address = { equals: user.email, mode: 'insensitive' as const };
        await tx.outboxEmail.deleteMany({ where: { OR: [{ userId }, { to: address }] } });
        // Other workspaces' invitations (and so their exports) must not keep the address in clear either.
        await tx.invitation.updateMany({ where: { email: address }, data: { email: wipedEmail } });
        // Their audit entries stay (what was done, attributed to a deleted user), without where from.
        await tx.auditLogEntry.updateMany({
          where: { actorUserId: userId, OR: [{ ip: { not: null } }, { userAgent: { not: null } }] },
          data: { ip: null, userAgent: null },
        });
        await recordDeletion(tx, 'ACCOUNT', userId);
        await tx.user.update({
          where: { id: userId },
          data: { name: 'Deleted user', email: wipedEmail, passwordHash: '!', emailVerifiedAt: null, fontFamily: 'system', theme: 'SYSTEM' },
        });
      });
    },
  };
}
