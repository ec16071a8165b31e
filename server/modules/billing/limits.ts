// The one place where plans limit anything. Over a limit, creating that kind is refused with PLAN_LIMIT
// naming the limit, before anything is written; reading, editing, exporting and deleting always work. A
// read-only workspace (unpaid, or past_due beyond the grace) refuses every writing permission except
// deletion and export. With billing off every function here returns at once without a query.
import type { Permission } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { paymentRequired, planLimit } from '../../errors.js';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { LimitKind } from './billing.config.js';
import type { Billing } from './billing.service.js';
import { runningMutations } from './billing.plugin.js';
import { loadAccount, standingOf, type Standing } from './standing.js';

type Db = PrismaClient | Prisma.TransactionClient;

/** Permissions that write workspace data; a read-only workspace refuses them. Deletion, export and billing are not here. */
const WRITING: ReadonlySet<Permission> = new Set<Permission>([
  'records:create',
  'records:update',
  'records:merge',
  'tags:manage',
  'pipelines:manage',
  'forms:manage',
  'files:upload',
  'invitations:manage',
  'teams:manage',
  'webhooks:manage',
  'workspace:rename',
  'workspace:settings',
  'workspace:policy',
]);

/** Mutations that delete (or leave, revoke, erase): they always work, whatever the plan. */
const DELETING = /^(delete|remove|erase|revoke|leave)[A-Z]/;

export const LIMIT_LABELS: Record<LimitKind, string> = {
  seats: 'seats',
  contacts: 'contacts',
  storageBytes: 'bytes of file storage',
  aiTokensPerMonth: 'AI tokens this billing period',
  apiCallsPerDay: 'API calls with API keys today',
};

export const AI_TOKENS = 'ai_tokens';

function readOnlyError(standing: Standing) {
  const why =
    standing.status === 'UNPAID'
      ? 'its subscription is unpaid'
      : standing.status === 'PAST_DUE'
        ? 'its payment is overdue beyond the grace period'
        : 'it has no subscription';
  return paymentRequired(`This workspace is read-only because ${why}. Reading, exporting and deleting still work; an owner can settle it on the billing page.`);
}

function standingFor(context: Context, billing: Billing, workspaceId: string): Promise<Standing> {
  return context.memo(`billing:standing:${workspaceId}`, () => loadAccount(context.prisma, workspaceId).then((account) => standingOf(billing.config, account)));
}

const startOfUtcDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
const startOfUtcMonth = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

/** The current billing period's start: the subscription's, or the calendar month's without one. */
export function periodStart(account: { currentPeriodStart: Date | null } | null, now = new Date()): Date {
  const start = account?.currentPeriodStart;
  return start && start <= now ? start : startOfUtcMonth(now);
}

export interface UsageOptions {
  /** Seats: an invitation to this address is being replaced, so it does not count twice. */
  exceptInvitationTo?: string;
  periodStart?: Date;
  now?: Date;
}

/** How much of a limit the workspace uses now. */
export async function usageOf(db: Db, workspaceId: string, kind: LimitKind, options: UsageOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  switch (kind) {
    case 'contacts':
      return db.contact.count({ where: { workspaceId, deletedAt: null } });
    case 'seats': {
      const [members, invited] = await Promise.all([
        db.membership.count({ where: { workspaceId } }),
        db.invitation.count({
          where: {
            workspaceId,
            acceptedAt: null,
            revokedAt: null,
            expiresAt: { gt: now },
            ...(options.exceptInvitationTo ? { email: { not: options.exceptInvitationTo } } : {}),
          },
        }),
      ]);
      return members + invited;
    }
    case 'storageBytes':
      // Files in the trash still take their space until they are purged.
      return (await db.file.aggregate({ where: { workspaceId }, _sum: { size: true } }))._sum.size ?? 0;
    case 'aiTokensPerMonth':
      return (
        (
          await db.billableUsage.aggregate({
            where: { workspaceId, kind: AI_TOKENS, createdAt: { gte: options.periodStart ?? startOfUtcMonth(now) } },
            _sum: { quantity: true },
          })
        )._sum.quantity ?? 0
      );
    case 'apiCallsPerDay':
      return db.usageEvent.count({ where: { workspaceId, kind: 'API_CALL', apiKeyId: { not: null }, createdAt: { gte: startOfUtcDay(now) } } });
  }
}

function overLimit(kind: LimitKind, allowed: number, used: number) {
  const what = LIMIT_LABELS[kind];
  return planLimit(
    kind,
    `The plan allows ${allowed} ${what} and ${used} are used, so this cannot be created. Reading, editing, exporting and deleting still work; an owner can upgrade on the billing page.`,
    { allowed, used },
  );
}

/**
 * Called by the permission check (server/auth/scopes.ts) once the role allows: a read-only workspace
 * refuses writing permissions, and an API key past the plan's daily API calls may no longer write.
 */
export async function assertWritable(context: Context, workspaceId: string, permission: Permission): Promise<void> {
  const billing = context.app.billing;
  if (!billing || !WRITING.has(permission)) return;
  // Reading is never limited (some reads need a managing permission: invitations, webhooks), and neither is
  // a mutation that only deletes. A mix of deletions and other writes is judged as a write.
  const mutation = runningMutations.get(context);
  if (!mutation || mutation.every((field) => DELETING.test(field))) return;
  const standing = await standingFor(context, billing, workspaceId);
  if (standing.access === 'readOnly') throw readOnlyError(standing);
  const allowed = standing.plan?.limits.apiCallsPerDay;
  if (context.viewer?.apiKey && allowed != null) {
    const used = await usageOf(context.prisma, workspaceId, 'apiCallsPerDay');
    if (used >= allowed) throw overLimit('apiCallsPerDay', allowed, used);
  }
}

export interface RoomOptions extends UsageOptions {
  /** Public form submissions: read-only binds the workspace's team, not the public sending it leads. */
  evenIfReadOnly?: boolean;
}

/**
 * Refuses to create `adding` more of a limited kind past the plan's limit. Call it inside the creating
 * transaction, before its first write: a per-workspace lock makes two concurrent creates take turns, so
 * both cannot slip under the limit.
 */
export async function assertRoom(
  billing: Billing | null,
  db: Db,
  workspaceId: string,
  kind: LimitKind,
  adding: number,
  options: RoomOptions = {},
): Promise<void> {
  if (!billing) return;
  await db.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`kith:billing:${workspaceId}:${kind}`}, 0))::text`;
  const account = await loadAccount(db, workspaceId);
  const standing = standingOf(billing.config, account);
  if (standing.access === 'readOnly' && !options.evenIfReadOnly) throw readOnlyError(standing);
  const allowed = standing.plan?.limits[kind];
  if (allowed == null) return;
  const used = await usageOf(db, workspaceId, kind, { ...options, periodStart: options.periodStart ?? periodStart(account) });
  if (used + adding > allowed) throw overLimit(kind, allowed, used);
}

/**
 * How many more of a limited kind fit now (null: no limit), for writers that create many at once and keep
 * going past the limit row by row (an import). Call it inside the creating transaction, like assertRoom; a
 * read-only workspace has no room.
 */
export async function roomLeft(billing: Billing | null, db: Db, workspaceId: string, kind: LimitKind): Promise<{ room: number; allowed: number } | null> {
  if (!billing) return null;
  await db.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`kith:billing:${workspaceId}:${kind}`}, 0))::text`;
  const account = await loadAccount(db, workspaceId);
  const standing = standingOf(billing.config, account);
  if (standing.access === 'readOnly') return { room: 0, allowed: 0 };
  const allowed = standing.plan?.limits[kind];
  if (allowed == null) return null;
  const used = await usageOf(db, workspaceId, kind, { periodStart: periodStart(account) });
  return { room: Math.max(0, allowed - used), allowed };
}
