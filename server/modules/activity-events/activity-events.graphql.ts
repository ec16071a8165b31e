import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { inWorkspace } from '../../auth/field-scopes.js';
import { delegateOf } from '../../db/delegate.js';
import { GraphQLError } from 'graphql';
import { mapAsyncIterator } from 'graphql-yoga';
import { z } from 'zod';
import { builder } from '../../builder.js';
import { ownCursors } from '../../http/input-checks.js';
import { SHARED_RESULT_KEY } from '../../http/shared-subscription-results.js';
import type { Context } from '../../context.js';
import { badInput, notFound } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { byUuid, idFromGlobalId, uuidNode } from '../node/uuid.js';
import { dateRangeWhere, DateRangeInput, shortText } from '../records/common.types.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import { FeedAccess } from './feed-access.js';
import { activityFeed, toFeedEvent, type FeedDelivery, type FeedFilter } from './feed.js';
import type { FeedEvent } from './feed-event.js';
import { permissionOnWorkspaceRow } from '../../auth/record-scopes.js';

type EventRow = Prisma.ActivityEventGetPayload<object>;
const MAX_PAGE = 100;

const seesEvent = (ctx: Context, row: EventRow) => new FeedAccess(ctx, row.workspaceId, Infinity).canSee(toFeedEvent(row));

export const ActivityEventType = builder.prismaNode('ActivityEvent', {
  ...uuidNode,
  description: 'One change to workspace data. `sequence` grows by exactly one per event in a workspace: resume a feed with `after: sequence`.',
  authScopes: async (row, ctx) => {
    if ((await ctx.roleIn(row.workspaceId)) == null || !(await seesEvent(ctx, row))) throw notFound('Activity event');
    return { can: { workspaceId: row.workspaceId, permission: 'records:read' } };
  },
  fields: (t) => ({
    sequence: t.exposeInt('sequence'),
    cursor: t.string({ description: 'The value to pass as `after` to resume after this event.', resolve: (row) => String(row.sequence) }),
    verb: t.exposeString('verb', {
      description: 'created, updated, deleted, restored, merged, stage_moved, uploaded, joined, left, role_changed, exported, ...',
    }),
    entityType: t.exposeString('entityType'),
    entityId: t.id({ description: 'Global ID of the entity (it may no longer exist).', resolve: (row) => encodeGlobalID(row.entityType, row.entityId) }),
    actorId: t.id({
      nullable: true,
      description: 'The acting user (a User global ID).',
      resolve: (row) => (row.actorUserId ? encodeGlobalID('User', row.actorUserId) : null),
    }),
    actorApiKeyId: t.id({
      nullable: true,
      description: 'The API key the change came through, if any.',
      resolve: (row) => (row.actorApiKeyId ? encodeGlobalID('ApiKey', row.actorApiKeyId) : null),
    }),
    changes: t.expose('changes', { type: 'JSONObject', description: 'Changed field names and small values; never secrets or file contents.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const ActivityEventFilter = builder.inputType('ActivityEventFilter', {
  fields: (t) => ({
    entityType: t.string({ required: false, validate: shortText('Entity type', 50) }),
    entityId: t.id({ required: false, description: 'Global ID of one entity.' }),
    actorId: t.id({ required: false, description: 'A User global ID.' }),
    verbs: t.stringList({ required: false, validate: z.array(z.string().max(50)).max(20, 'At most 20 verbs.') }),
    occurredAt: t.field({ type: DateRangeInput, required: false, description: 'History only; ignored by the live feed.' }),
  }),
});
type FilterInput = typeof ActivityEventFilter.$inferInput | null | undefined;

function entityKey(globalId: string): { type: string; id: string } {
  try {
    const decoded = decodeGlobalID(globalId);
    return { type: decoded.typename, id: byUuid(decoded.id).id };
  } catch {
    throw notFound('Entity');
  }
}

function feedFilter(filter: FilterInput): FeedFilter {
  const entity = filter?.entityId ? entityKey(filter.entityId) : null;
  return {
    entityType: filter?.entityType ?? entity?.type ?? null,
    entityId: entity?.id ?? null,
    actorUserId: filter?.actorId ? idFromGlobalId(filter.actorId, 'User', 'Actor') : null,
    verbs: filter?.verbs ?? null,
  };
}

function parseCursor(after: string | null | undefined): number | null {
  if (after == null) return null;
  if (!/^\d{1,10}$/.test(after)) throw badInput('after is the sequence (or cursor) of the last event you received.', 'after');
  return Number(after);
}

/** Newest first, keyset on sequence; rows the viewer may not see are skipped, so a page may take a few reads. */
async function historyPage(ctx: Context, workspaceId: string, filter: FilterInput, first: number, after: number | null) {
  const f = feedFilter(filter);
  const where: Prisma.ActivityEventWhereInput = {
    workspaceId,
    ...(f.entityType ? { entityType: f.entityType } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.actorUserId ? { actorUserId: f.actorUserId } : {}),
    ...(f.verbs?.length ? { verb: { in: f.verbs } } : {}),
    ...(filter?.occurredAt ? { createdAt: dateRangeWhere(filter.occurredAt) } : {}),
  };
  const visible: EventRow[] = [];
  let cursor = after;
  for (let reads = 0; visible.length <= first && reads < 10; reads++) {
    const rows = await ctx.prisma.activityEvent.findMany({
      where: { ...where, ...(cursor != null ? { sequence: { lt: cursor } } : {}) },
      orderBy: { sequence: 'desc' },
      take: (first + 1) * 2,
    });
    for (const row of rows) if (await seesEvent(ctx, row)) visible.push(row);
    if (rows.length < (first + 1) * 2) break;
    cursor = rows.at(-1)!.sequence;
  }
  const page = visible.slice(0, first);
  return {
    edges: page.map((row) => ({ cursor: String(row.sequence), node: row })),
    pageInfo: {
      hasNextPage: visible.length > first,
      hasPreviousPage: after != null,
      startCursor: page[0] ? String(page[0].sequence) : null,
      endCursor: page.at(-1) ? String(page.at(-1)!.sequence) : null,
    },
  };
}

builder.queryField('activityEvents', (t) =>
  t.connection(
    {
      type: ActivityEventType,
      ...ownCursors,
      description: 'The workspace’s activity history, newest first; only events about what you may see.',
      args: { workspaceId: t.arg.id({ required: false }), filter: t.arg({ type: ActivityEventFilter, required: false }) },
      authScopes: inWorkspace('records:read'),
      resolve: (_root, args, ctx) => {
        if (args.last != null || args.before != null) throw badInput('Activity history pages forward only: use first and after.', 'last');
        const first = args.first ?? 20;
        if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput(`first is between 1 and ${MAX_PAGE}.`, 'first');
        return historyPage(ctx, requireWorkspaceId(ctx, args.workspaceId), args.filter, first, parseCursor(args.after));
      },
    },
    { name: 'ActivityEventConnection' },
    { name: 'ActivityEventEdge' },
  ),
);

// --- Subscriptions ---

builder.subscriptionType({});

interface FeedFailure {
  feedError: GraphQLError;
}

interface FeedPayload {
  event: FeedEvent;
  [SHARED_RESULT_KEY]?: string;
}

/**
 * A live event executes to the same result for its whole audience (ActivityEvent's fields read the row
 * alone, its auth scope the audience's visibility), so its payload says so.
 */
function payloadFor({ event, audience }: FeedDelivery): FeedPayload {
  return audience ? { event, [SHARED_RESULT_KEY]: `${event.id}/${audience}` } : { event };
}

function feedFailure(ctx: Context, error: unknown): FeedFailure {
  if (error instanceof GraphQLError) return { feedError: error };
  ctx.app.logger.error(error);
  return { feedError: new GraphQLError('The feed stopped unexpectedly; resume from your last cursor.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } }) };
}

/** Ends a feed with a last message carrying the error (then `complete`), instead of dropping the socket. */
const withFinalError = (ctx: Context, deliveries: AsyncGenerator<FeedDelivery>): AsyncIterable<FeedPayload | FeedFailure> =>
  mapAsyncIterator(deliveries, payloadFor, (error: unknown) => feedFailure(ctx, error));

const unwrap = (item: FeedPayload | FeedFailure): EventRow => {
  if ('feedError' in item) throw item.feedError;
  return { ...item.event, createdAt: new Date(item.event.createdAt) } as EventRow;
};

builder.subscriptionField('activityFeed', (t) =>
  t.field({
    type: ActivityEventType,
    nullable: true,
    description: 'Live activity of a workspace. With `after`, first replays the stored events after that sequence, then continues live: no gap, no duplicate.',
    args: {
      workspaceId: t.arg.id({ required: false }),
      filter: t.arg({ type: ActivityEventFilter, required: false }),
      after: t.arg.string({ required: false, description: 'The sequence (cursor) of the last event received.' }),
    },
    authScopes: inWorkspace('records:read'),
    subscribe: (_root, args, ctx) => {
      const options = { workspaceId: requireWorkspaceId(ctx, args.workspaceId), filter: feedFilter(args.filter), after: parseCursor(args.after) };
      return withFinalError(ctx, activityFeed(ctx, options, ctx.app.activityHub.limits));
    },
    resolve: (item) => unwrap(item),
  }),
);

/** Records with a page someone may keep open, and where their workspace is stored. */
const WATCHABLE = {
  Contact: 'contact',
  Company: 'company',
  Deal: 'deal',
  Communication: 'communication',
  Note: 'note',
  Activity: 'activity',
} as const;

type WorkspaceFinder = (args: { where: { id: string }; select: { workspaceId: true } }) => Promise<{ workspaceId: string } | null>;

async function watchedRecord(ctx: Context, globalId: string) {
  const { type, id } = entityKey(globalId);
  const model = (WATCHABLE as Record<string, (typeof WATCHABLE)[keyof typeof WATCHABLE]>)[type];
  if (!model) throw notFound('Record');
  const row = await delegateOf<{ findUnique: WorkspaceFinder }>(ctx.prisma, model).findUnique({ where: { id }, select: { workspaceId: true } });
  return row ? { type, id, workspaceId: row.workspaceId } : null;
}

builder.subscriptionField('recordChanged', (t) =>
  t.field({
    type: ActivityEventType,
    nullable: true,
    description: 'Changes to one contact, company, deal, communication, note or activity (for an open record page).',
    args: { id: t.arg.id(), after: t.arg.string({ required: false }) },
    authScopes: (_root, args, ctx) => permissionOnWorkspaceRow(ctx, () => watchedRecord(ctx, args.id), 'records:read', 'Record'),
    subscribe: async (_root, args, ctx) => {
      const record = await watchedRecord(ctx, args.id);
      if (!record) throw notFound('Record');
      const probe = { workspaceId: record.workspaceId, entityType: record.type, entityId: record.id, verb: 'watched', changes: {} } as FeedEvent;
      if (!(await new FeedAccess(ctx, record.workspaceId, Infinity).canSee(probe))) throw notFound('Record');
      const options = { workspaceId: record.workspaceId, filter: { entityType: record.type, entityId: record.id }, after: parseCursor(args.after) };
      return withFinalError(ctx, activityFeed(ctx, options, ctx.app.activityHub.limits));
    },
    resolve: (item) => unwrap(item),
  }),
);
