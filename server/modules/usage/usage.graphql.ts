import { builder } from '../../builder.js';
import { inWorkspace } from '../../auth/field-scopes.js';
import { UsageKind } from '../../generated/prisma/enums.js';
import { requireViewer } from '../accounts/session.service.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import { usageRecorderFor } from './usage.recorder.js';
import {
  normalisePagePath,
  usageRange,
  workspaceUsageSummary,
  type NamedCount,
  type OperationUsage,
  type UsageDay,
  type WorkspaceUsageSummary,
} from './usage.service.js';
import { parseUserAgent } from './user-agent.js';

export const UsageKindEnum = builder.enumType(UsageKind, {
  name: 'UsageKind',
  description: 'API_CALL, FEATURE (a root field used) and PAGE_VIEW are analytics; SESSION_START and SESSION_END are security logs.',
});

builder.prismaObject('UsageEvent', {
  description: 'One usage datum about you. Kept for the usage retention (90 days unless configured).',
  authScopes: (event) => ({ self: event.userId ?? '' }),
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: UsageKindEnum }),
    name: t.exposeString('name', { description: 'Operation name, root field, page path, or why a session ended (signed_out, expired).' }),
    durationMs: t.exposeInt('durationMs', { nullable: true, description: 'API calls: time to execute; session ends: how long the session lasted.' }),
    status: t.exposeString('status', { description: '"ok" or the first error code.' }),
    ip: t.exposeString('ip', { nullable: true }),
    browser: t.exposeString('browser', { nullable: true }),
    os: t.exposeString('os', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

// The device of a signed-in session, parsed from its User-Agent (the Session type lives in accounts).
builder.prismaObjectFields('Session', (t) => ({
  browser: t.string({ nullable: true, select: { userAgent: true }, resolve: (session) => parseUserAgent(session.userAgent).browser }),
  os: t.string({ nullable: true, select: { userAgent: true }, resolve: (session) => parseUserAgent(session.userAgent).os }),
}));

const structural = { authScopes: { public: true } } as const; // reachable only through workspaceUsage

const UsageDayType = builder.objectRef<UsageDay>('UsageDay').implement({
  ...structural,
  fields: (t) => ({
    day: t.expose('day', { type: 'DateTime', description: 'Start of the day (UTC).' }),
    apiCalls: t.exposeInt('apiCalls'),
    errors: t.exposeInt('errors'),
    pageViews: t.exposeInt('pageViews'),
    activeUsers: t.exposeInt('activeUsers'),
  }),
});

const OperationUsageType = builder.objectRef<OperationUsage>('OperationUsage').implement({
  ...structural,
  fields: (t) => ({
    name: t.exposeString('name'),
    calls: t.exposeInt('calls'),
    errors: t.exposeInt('errors'),
    averageMs: t.exposeInt('averageMs'),
    p95Ms: t.exposeInt('p95Ms'),
  }),
});

const NamedCountType = builder.objectRef<NamedCount>('UsageCount').implement({
  ...structural,
  fields: (t) => ({ name: t.exposeString('name'), count: t.exposeInt('count') }),
});

const WorkspaceUsageType = builder.objectRef<WorkspaceUsageSummary>('WorkspaceUsage').implement({
  description: 'How a workspace is used: API calls, features, pages and active members over a range.',
  authScopes: (summary) => ({ can: { workspaceId: summary.workspaceId, permission: 'usage:read' } }),
  fields: (t) => ({
    from: t.expose('from', { type: 'DateTime' }),
    to: t.expose('to', { type: 'DateTime' }),
    apiCalls: t.exposeInt('apiCalls'),
    errors: t.exposeInt('errors', { description: 'API calls that returned an error.' }),
    pageViews: t.exposeInt('pageViews'),
    activeUsers: t.exposeInt('activeUsers', { description: 'Distinct members (and key creators) with any usage in the range.' }),
    days: t.field({ type: [UsageDayType], resolve: (s) => s.days }),
    operations: t.field({ type: [OperationUsageType], description: 'The 50 most called operations.', resolve: (s) => s.operations }),
    topFeatures: t.field({ type: [NamedCountType], description: 'The 20 most used root fields.', resolve: (s) => s.topFeatures }),
    topPages: t.field({ type: [NamedCountType], description: 'The 20 most viewed pages.', resolve: (s) => s.topPages }),
  }),
});

builder.queryFields((t) => ({
  workspaceUsage: t.field({
    type: WorkspaceUsageType,
    description: 'Usage summary of a workspace (owners only). Defaults to the last 30 days; at most 366.',
    args: {
      workspaceId: t.arg.id({ required: false }),
      from: t.arg({ type: 'DateTime', required: false }),
      to: t.arg({ type: 'DateTime', required: false }),
    },
    authScopes: inWorkspace('usage:read'),
    resolve: (_root, args, ctx) => workspaceUsageSummary(ctx.prisma, requireWorkspaceId(ctx, args.workspaceId), usageRange(args.from, args.to)),
  }),
  myUsage: t.prismaConnection({
    type: 'UsageEvent',
    cursor: 'id',
    description: 'Your own usage events, newest first: API calls, features, page views, session starts and ends.',
    args: { kind: t.arg({ type: UsageKindEnum, required: false }) },
    authScopes: { personal: true },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.usageEvent.findMany({
        ...query,
        where: { userId: requireViewer(ctx).user.id, ...(args.kind ? { kind: args.kind } : {}) },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
  }),
}));

builder.mutationField('recordPageView', (t) =>
  t.boolean({
    description:
      'The web app reports a page it showed, as a route path ("/contacts/:id": record IDs are replaced, query strings refused). ' +
      'Not recorded when you opted out of analytics; returns true either way.',
    authScopes: { personal: true },
    args: { path: t.arg.string() },
    resolve: (_root, { path }, ctx) => {
      const viewer = requireViewer(ctx);
      const name = normalisePagePath(path);
      let workspaceId: string | null = null;
      try {
        workspaceId = ctx.workspaceIdFrom(null);
      } catch {
        // a malformed header attributes the view to no workspace
      }
      usageRecorderFor(ctx.app).record({
        kind: 'PAGE_VIEW',
        name,
        workspaceId,
        userId: viewer.user.id,
        apiKeyId: null,
        durationMs: null,
        status: 'ok',
        ip: ctx.request.ip || null,
        ...parseUserAgent(ctx.request.userAgent),
        createdAt: new Date(),
      });
      return true;
    },
  }),
);
