// One subscriber's stream: listen first, replay what the database holds after the cursor, then go live.
// Sequences are gapless per workspace, so a live event further ahead than expected means "fill the gap
// from the database" and one at or behind the cursor is a duplicate: no loss, no repeat across the switch.
import { GraphQLError } from 'graphql';
import type { Context } from '../../context.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { FeedAccess } from './feed-access.js';
import type { FeedEvent } from './feed-event.js';

export interface FeedFilter {
  entityType?: string | null;
  entityId?: string | null;
  actorUserId?: string | null;
  verbs?: string[] | null;
}

export interface FeedOptions {
  workspaceId: string;
  filter: FeedFilter;
  /** Deliver events after this sequence; null means "from now on". */
  after: number | null;
}

export interface FeedLimits {
  /** Events held for one subscriber before it is told to resume from its cursor. */
  maxBuffered: number;
  /** How often a subscription re-validates its session or API key while open. */
  sessionRecheckMs: number;
}

const REPLAY_PAGE = 200;

function matches(event: FeedEvent, filter: FeedFilter): boolean {
  return (
    (!filter.entityType || event.entityType === filter.entityType) &&
    (!filter.entityId || event.entityId === filter.entityId) &&
    (!filter.actorUserId || event.actorUserId === filter.actorUserId) &&
    (!filter.verbs?.length || filter.verbs.includes(event.verb))
  );
}

export function toFeedEvent(row: Prisma.ActivityEventGetPayload<object>): FeedEvent {
  return { ...row, changes: (row.changes ?? {}) as Record<string, unknown>, createdAt: row.createdAt.toISOString() };
}

async function storedAfter(ctx: Context, workspaceId: string, after: number, before: number | null, filter: FeedFilter) {
  const rows = await ctx.prisma.activityEvent.findMany({
    where: {
      workspaceId,
      sequence: { gt: after, ...(before != null ? { lt: before } : {}) },
      ...(filter.entityId ? { entityId: filter.entityId } : {}),
    },
    orderBy: { sequence: 'asc' },
    take: REPLAY_PAGE,
  });
  return rows.map(toFeedEvent);
}

/** A bounded inbox: overflowing marks the subscriber as lagging instead of growing without limit. */
class Inbox {
  private readonly items: FeedEvent[] = [];
  private wake: (() => void) | null = null;
  overflowed = false;
  /** The subscriber left: the feed ends at its next wait instead of at its next event or recheck. */
  closed = false;

  constructor(private readonly max: number) {}

  push(event: FeedEvent) {
    if (this.overflowed) return;
    if (this.items.length >= this.max) {
      this.overflowed = true;
      this.items.length = 0;
    } else this.items.push(event);
    this.wake?.();
  }

  /** Wakes a waiting `next` with null, so the caller can re-check credentials on a quiet feed. */
  nudge() {
    this.wake?.();
  }

  close() {
    this.closed = true;
    this.wake?.();
  }

  /** The next event, or null when nudged or closed. */
  async next(): Promise<FeedEvent | null> {
    if (this.closed) return null;
    if (this.items.length === 0 && !this.overflowed) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
    return this.items.shift() ?? null;
  }
}

export const lagging = (after: number) =>
  new GraphQLError(`This subscriber fell too far behind; subscribe again with after: "${after}" to resume without loss.`, {
    extensions: { code: 'FEED_LAGGING', resumeAfter: String(after) },
  });

/**
 * An event for this subscriber. `audience` is set for live events: every subscriber of that audience on this
 * instance receives the same event with the same authorisation, so the GraphQL result may be shared.
 */
export interface FeedDelivery {
  event: FeedEvent;
  audience: string | null;
}

/**
 * One subscriber's feed. An async generator waiting inside `await` cannot be returned from until that wait
 * ends, so a subscriber who left would hold its listener (and wake later on a closed database) until the
 * next event or recheck: `return` here first wakes the wait, and the feed ends at once.
 */
export function activityFeed(ctx: Context, options: FeedOptions, limits: FeedLimits): AsyncGenerator<FeedDelivery> {
  const inbox = new Inbox(limits.maxBuffered);
  const feed = feedThrough(inbox, ctx, options, limits);
  return Object.assign(Object.create(feed) as AsyncGenerator<FeedDelivery>, {
    next: (...args: [] | [unknown]) => feed.next(...args),
    return: (value: FeedDelivery) => {
      inbox.close();
      return feed.return(value);
    },
    throw: (error: unknown) => {
      inbox.close();
      return feed.throw(error);
    },
  });
}

async function* feedThrough(inbox: Inbox, ctx: Context, options: FeedOptions, limits: FeedLimits): AsyncGenerator<FeedDelivery> {
  const hub = ctx.app.activityHub;
  const access = new FeedAccess(ctx, options.workspaceId, limits.sessionRecheckMs);
  await access.readerStanding();
  const stop = await hub.listen(options.workspaceId, (event) => inbox.push(event));
  // One timer per subscription, not one per wait: most waits end with an event well before it fires.
  const recheck = setInterval(() => inbox.nudge(), limits.sessionRecheckMs).unref();
  try {
    let last = options.after ?? (await currentSequence(ctx, options.workspaceId));
    // Stored events are decided by this subscription alone: a shared answer is only ever about a live event.
    const deliverable = async (event: FeedEvent, live: boolean): Promise<FeedDelivery | null> => {
      access.observe(event);
      await access.requireLiveCredentials(access.concernsOwnKey(event));
      const standing = await access.readerStanding();
      if (!matches(event, options.filter)) return null;
      if (!live) return (await access.canSee(event)) ? { event, audience: null } : null;
      const audience = access.audienceOf(standing);
      return (await access.canSeeShared(event, audience)) ? { event, audience } : null;
    };
    // Replay (and gap filling): everything stored between the cursor and `before`, in order.
    async function* fromStore(before: number | null): AsyncGenerator<FeedDelivery> {
      for (;;) {
        const page = await storedAfter(ctx, options.workspaceId, last, before, options.filter);
        for (const event of page) {
          last = event.sequence;
          const delivery = await deliverable(event, false);
          if (delivery) yield delivery;
        }
        if (page.length < REPLAY_PAGE) break;
      }
      // With an entity filter the page skips other events; the cursor still moves past the range.
      if (before != null) last = Math.max(last, before - 1);
    }
    yield* fromStore(null);
    for (;;) {
      const event = await inbox.next();
      if (inbox.closed) return;
      if (inbox.overflowed) throw lagging(last);
      if (!event) {
        await access.requireLiveCredentials();
        continue;
      }
      if (event.sequence <= last) continue;
      if (event.sequence > last + 1) yield* fromStore(event.sequence);
      last = event.sequence;
      const delivery = await deliverable(event, true);
      if (delivery) yield delivery;
    }
  } finally {
    clearInterval(recheck);
    stop();
  }
}

async function currentSequence(ctx: Context, workspaceId: string): Promise<number> {
  const row = await ctx.prisma.activitySequence.findUnique({ where: { workspaceId }, select: { last: true } });
  return row?.last ?? 0;
}
