import { randomBytes } from 'node:crypto';
import type { Context } from '../../context.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { enqueueWebhookDeliveries } from '../webhooks/delivery-queue.js';
import type { FeedEvent } from './feed-event.js';

export interface Actor {
  userId: string | null;
  apiKeyId: string | null;
}

/** Who caused a change: the signed-in user, or the API key acting for its creator. */
export function actorOf(context: Pick<Context, 'viewer'> | null): Actor {
  return { userId: context?.viewer?.user.id ?? null, apiKeyId: context?.viewer?.apiKey?.id ?? null };
}

export interface EventInput {
  workspaceId: string;
  /** created, updated, deleted, restored, merged, stage_moved, uploaded, joined, left, role_changed, ... */
  verb: string;
  /** The GraphQL type name of the entity: Contact, Deal, Membership, ... */
  entityType: string;
  entityId: string;
  /** Compact summary: names of changed fields and small values; never secrets or file contents. */
  changes?: Record<string, unknown>;
}

/** Where events wait for their transaction to commit; the request (or public form handler) publishes them. */
export type EventSink = object;
const pendingBySink = new WeakMap<EventSink, FeedEvent[]>();

type Tx = Pick<Prisma.TransactionClient, '$queryRaw' | '$executeRaw'>;

/**
 * Writes one ActivityEvent inside the caller's transaction. The per-workspace counter row is locked by
 * the UPDATE until the transaction ends, so sequences are gapless and committed in order. The event is
 * published only after the request finishes (see publishPending), never before the commit.
 */
export async function recordEvent(tx: Tx, sink: EventSink & Partial<Pick<Context, 'viewer'>>, input: EventInput): Promise<FeedEvent> {
  const actor = actorOf(sink as Pick<Context, 'viewer'>);
  const id = uuidv7();
  const changes = input.changes ?? {};
  const [row] = await tx.$queryRaw<Array<{ sequence: number; createdAt: Date }>>`
    WITH seq AS (
      INSERT INTO "ActivitySequence" ("workspaceId", "last") VALUES (${input.workspaceId}::uuid, 1)
      ON CONFLICT ("workspaceId") DO UPDATE SET "last" = "ActivitySequence"."last" + 1
      RETURNING "last"
    )
    INSERT INTO "ActivityEvent" ("id", "workspaceId", "sequence", "actorUserId", "actorApiKeyId", "verb", "entityType", "entityId", "changes")
    SELECT ${id}::uuid, ${input.workspaceId}::uuid, seq."last", ${actor.userId}::uuid, ${actor.apiKeyId}::uuid,
           ${input.verb}, ${input.entityType}, ${input.entityId}::uuid, ${JSON.stringify(changes)}::jsonb
    FROM seq
    RETURNING "sequence", "createdAt"`;
  const event: FeedEvent = {
    id,
    workspaceId: input.workspaceId,
    sequence: row!.sequence,
    actorUserId: actor.userId,
    actorApiKeyId: actor.apiKeyId,
    verb: input.verb,
    entityType: input.entityType,
    entityId: input.entityId,
    changes,
    createdAt: row!.createdAt.toISOString(),
  };
  await enqueueWebhookDeliveries(tx, event, event);
  const pending = pendingBySink.get(sink) ?? [];
  pending.push(event);
  pendingBySink.set(sink, pending);
  return event;
}

/** Takes the events recorded for this request or handler so far (call after its transactions settled). */
export function takePending(sink: EventSink): FeedEvent[] {
  const pending = pendingBySink.get(sink) ?? [];
  pendingBySink.delete(sink);
  return pending.sort((a, b) => a.sequence - b.sequence);
}

/** The names of the fields an update input set (undefined means "not given"), for the change summary. */
export function changedFields(input: object | null | undefined): { fields: string[] } {
  return {
    fields: Object.entries(input ?? {})
      .filter(([, value]) => value !== undefined)
      .map(([key]) => key)
      .sort(),
  };
}

let lastMs = 0;
let sequence = 0;

/**
 * Time-ordered UUIDv7, like the primary keys Prisma generates, and like them increasing within a millisecond
 * (RFC 9562's counter in rand_a, starting at random in its lower half): rows written in one batch sort by id
 * in the order they were made.
 */
export function uuidv7(): string {
  const bytes = randomBytes(16);
  let ms = Date.now();
  if (ms <= lastMs) {
    ms = lastMs;
    sequence += 1;
    if (sequence > 0xfff) {
      ms += 1;
      sequence = 0;
    }
  } else {
    sequence = bytes.readUInt16BE(6) & 0x7ff;
  }
  lastMs = ms;
  const now = BigInt(ms);
  for (let i = 0; i < 6; i++) bytes[i] = Number((now >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** recordEvent for a row just written in `tx` (its id and workspace); returns the row, for `.then(...)` chains. */
export async function emitEvent<T extends { id: string; workspaceId: string }>(
  tx: Tx,
  sink: EventSink & Partial<Pick<Context, 'viewer'>>,
  row: T,
  entityType: string,
  verb: string,
  changes?: Record<string, unknown>,
): Promise<T> {
  await recordEvent(tx, sink, { workspaceId: row.workspaceId, entityType, entityId: row.id, verb, changes });
  return row;
}
