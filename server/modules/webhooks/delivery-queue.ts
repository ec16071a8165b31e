// Booking deliveries of an event, in the event's own transaction. Kept apart from webhooks.service.ts, which
// records events of its own: recording an event books deliveries, so the two would otherwise import each other.
import type { Prisma } from '../../generated/prisma/client.js';
import { eventTypeOf } from './event-types.js';

export const WEBHOOK_DELIVER = 'webhook.deliver';
export const MAX_ATTEMPTS = 8;

type RawTx = Pick<Prisma.TransactionClient, '$executeRaw'>;

/**
 * Books a delivery of the event for every active webhook of the workspace that wants it, in the event's
 * own transaction: a rolled-back change sends nothing, a committed one is delivered even after a restart.
 * A workspace scheduled for deletion sends nothing.
 */
export async function enqueueWebhookDeliveries(tx: RawTx, event: { workspaceId: string; verb: string; entityType: string; id: string }, payload: object) {
  const eventType = eventTypeOf(event.entityType, event.verb);
  await tx.$executeRaw`
    WITH deliveries AS (
      INSERT INTO "WebhookDelivery" (id, "workspaceId", "webhookId", "eventType", payload)
      SELECT gen_random_uuid(), w."workspaceId", w.id, ${eventType}, ${JSON.stringify({ type: eventType, ...payload })}::jsonb
      FROM "Webhook" w
      WHERE w."workspaceId" = ${event.workspaceId}::uuid AND w."isActive"
        AND (cardinality(w."eventTypes") = 0 OR ${eventType} = ANY(w."eventTypes"))
        AND EXISTS (SELECT 1 FROM "Workspace" ws WHERE ws.id = w."workspaceId" AND ws."closedAt" IS NULL)
      RETURNING id
    )
    INSERT INTO "Job" (id, kind, payload, "runAt", "maxAttempts", "uniqueKey")
    SELECT gen_random_uuid(), ${WEBHOOK_DELIVER}, jsonb_build_object('deliveryId', d.id), ${new Date()}::timestamp, ${MAX_ATTEMPTS}, ${WEBHOOK_DELIVER} || ':' || d.id
    FROM deliveries d`;
}
