import type { Context } from '../../context.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { expiredBefore } from '../../retention.js';

type Db = Pick<Prisma.TransactionClient, 'auditLogEntry'>;

export interface AuditEntry {
  /** Null for account-level actions (sign-in, account deletion). */
  workspaceId: string | null;
  /** What happened, as `subject.verb`: `member.role_changed`, `api_key.created`, `contact.erased`... */
  action: string;
  targetType?: string;
  targetId?: string;
  /** Facts about the action, never personal data of a data subject, never secrets. */
  details?: Prisma.InputJsonObject;
}

/** Appends an audit entry with the request's actor, IP and browser. Pass `tx` to keep it with the change. */
export async function recordAudit(db: Db, context: Context, entry: AuditEntry, actorUserId = context.viewer?.user.id ?? null) {
  await db.auditLogEntry.create({
    data: {
      workspaceId: entry.workspaceId,
      actorUserId,
      actorApiKeyId: context.viewer?.apiKey?.id ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      ip: context.request.ip || null,
      userAgent: context.request.userAgent,
      details: entry.details ?? {},
    },
  });
}

/**
 * Audit retention (the daily sweep): entries older than `auditDays` are deleted; older than `networkDays`
 * they lose their IP address and user agent, and keep who did what to which record, and when.
 */
export async function expireAuditLog(db: Pick<Prisma.TransactionClient, 'auditLogEntry'>, auditDays: number, networkDays: number, now = new Date()) {
  const deleted = await db.auditLogEntry.deleteMany({ where: { createdAt: { lt: expiredBefore(auditDays, now) } } });
  const anonymised = await db.auditLogEntry.updateMany({
    where: { createdAt: { lt: expiredBefore(networkDays, now) }, OR: [{ ip: { not: null } }, { userAgent: { not: null } }] },
    data: { ip: null, userAgent: null },
  });
  return { deleted: deleted.count, anonymised: anonymised.count };
}
