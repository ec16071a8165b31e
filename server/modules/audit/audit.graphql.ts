import { roleCan } from '../../auth/permissions.js';
import { inWorkspace } from '../../auth/field-scopes.js';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { idFromGlobalId, uuidNode } from '../node/uuid.js';
import { dateRangeWhere, DateRangeInput, shortText } from '../records/common.types.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';

function auditsUser(ctx: Context, userId: string | null): Promise<boolean> {
  if (!userId) return Promise.resolve(false);
  return ctx.memo(`auditsUser:${userId}`, async () => {
    const standings = await ctx.standings();
    const audited = [...standings].filter(([, s]) => roleCan(s.role, 'audit:read')).map(([workspaceId]) => workspaceId);
    if (audited.length === 0) return false;
    return (await ctx.prisma.membership.count({ where: { userId, workspaceId: { in: audited } } })) > 0;
  });
}

export const AuditLogEntryType = builder.prismaNode('AuditLogEntry', {
  ...uuidNode,
  description: 'One security-relevant action: who, what, when and from where. The log is append-only.',
  authScopes: async (entry, ctx) => {
    if (entry.workspaceId) return { can: { workspaceId: entry.workspaceId, permission: 'audit:read' } };
    // Account-level entries (sign-ins): the user themself, or an admin of a workspace the user is in.
    return (await auditsUser(ctx, entry.actorUserId)) ? { authenticated: true } : { self: entry.actorUserId ?? '' };
  },
  fields: (t) => ({
    action: t.exposeString('action'),
    actorUserId: t.exposeID('actorUserId', { nullable: true, description: 'The acting user (the raw id: entries outlive deleted users).' }),
    actorApiKeyId: t.exposeID('actorApiKeyId', { nullable: true, description: 'Set when the action came through an API key.' }),
    actorName: t.string({
      nullable: true,
      description: 'The acting user’s current name, or null once they deleted their account.',
      resolve: async (entry, _args, ctx) => {
        if (!entry.actorUserId) return null;
        const user = await ctx.prisma.user.findUnique({ where: { id: entry.actorUserId }, select: { name: true, deletedAt: true } });
        return user && !user.deletedAt ? user.name : null;
      },
    }),
    targetType: t.exposeString('targetType', { nullable: true }),
    targetId: t.exposeString('targetId', { nullable: true }),
    ip: t.exposeString('ip', { nullable: true }),
    userAgent: t.exposeString('userAgent', { nullable: true }),
    details: t.expose('details', { type: 'JSONObject' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const AuditLogFilter = builder.inputType('AuditLogFilter', {
  fields: (t) => ({
    action: t.string({ required: false, validate: shortText('Action', 100), description: 'Exact action, or a prefix ending in "." (e.g. "member.").' }),
    actorId: t.id({ required: false, description: 'A User global ID.' }),
    createdAt: t.field({ type: DateRangeInput, required: false }),
  }),
});

/** The workspace's own entries, plus sign-ins of its current members (account-level entries). */
async function auditWhere(
  ctx: Context,
  workspaceId: string,
  filter: typeof AuditLogFilter.$inferInput | null | undefined,
): Promise<Prisma.AuditLogEntryWhereInput> {
  const members = await ctx.prisma.membership.findMany({ where: { workspaceId }, select: { userId: true } });
  const action = filter?.action;
  return {
    AND: [
      { OR: [{ workspaceId }, { workspaceId: null, action: 'user.signed_in', actorUserId: { in: members.map((m) => m.userId) } }] },
      action ? (action.endsWith('.') ? { action: { startsWith: action } } : { action }) : {},
      filter?.actorId ? { actorUserId: idFromGlobalId(filter.actorId, 'User', 'Actor') } : {},
      filter?.createdAt ? { createdAt: dateRangeWhere(filter.createdAt) } : {},
    ],
  };
}

builder.queryField('auditLog', (t) =>
  t.prismaConnection({
    type: 'AuditLogEntry',
    cursor: 'id',
    description: 'The workspace audit log, newest first: role changes, keys, exports, erasures, deletions, and members’ sign-ins.',
    args: { workspaceId: t.arg.id({ required: false }), filter: t.arg({ type: AuditLogFilter, required: false }) },
    authScopes: inWorkspace('audit:read'),
    totalCount: async (_root, args, ctx) =>
      ctx.prisma.auditLogEntry.count({ where: await auditWhere(ctx, requireWorkspaceId(ctx, args.workspaceId), args.filter) }),
    resolve: async (query, _root, args, ctx) =>
      ctx.prisma.auditLogEntry.findMany({
        ...query,
        where: await auditWhere(ctx, requireWorkspaceId(ctx, args.workspaceId), args.filter),
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
  }),
);
