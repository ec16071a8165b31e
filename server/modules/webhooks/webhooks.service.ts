import { createHmac, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AppServices } from '../../app-services.js';
import type { Context } from '../../context.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { JobHandler } from '../../jobs/worker.js';
import { recordEvent } from '../activity-events/record-event.js';
import { recordAudit } from '../audit/audit.service.js';
import { MAX_ATTEMPTS, WEBHOOK_DELIVER } from './delivery-queue.js';
import { assertPublicDestination, parseWebhookUrl, pinnedLookup, type CheckedAddress } from './url-safety.js';

export const SIGNATURE_HEADER = 'Kith-Signature';
const DELIVERY_TIMEOUT_MS = 10_000;

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: receivers recompute it and compare. */
export function signatureFor(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

export interface WebhookInput {
  url: string;
  eventTypes: string[];
}

export async function createWebhook(context: Context, workspaceId: string, input: WebhookInput) {
  const url = parseWebhookUrl(input.url);
  await assertPublicDestination(url, context.app.config.webhooksAllowPrivateUrls);
  const secret = newSecret();
  return context.prisma.$transaction(async (tx) => {
    const webhook = await tx.webhook.create({
      data: { workspaceId, url: url.href, eventTypes: input.eventTypes, secret, createdById: context.viewer?.user.id ?? null },
    });
    await recordAudit(tx, context, { workspaceId, action: 'webhook.created', targetType: 'Webhook', targetId: webhook.id, details: { url: url.origin } });
    await recordEvent(tx, context, { workspaceId, verb: 'created', entityType: 'Webhook', entityId: webhook.id, changes: { eventTypes: input.eventTypes } });
    return { webhook, secret };
  });
}

export async function updateWebhook(context: Context, id: string, input: Partial<WebhookInput> & { isActive?: boolean | null }) {
  const url = input.url ? parseWebhookUrl(input.url) : null;
  if (url) await assertPublicDestination(url, context.app.config.webhooksAllowPrivateUrls);
  return context.prisma.$transaction(async (tx) => {
    const webhook = await tx.webhook.update({
      where: { id },
      data: { url: url?.href, eventTypes: input.eventTypes ?? undefined, isActive: input.isActive ?? undefined },
    });
    await recordEvent(tx, context, {
      workspaceId: webhook.workspaceId,
      verb: 'updated',
      entityType: 'Webhook',
      entityId: id,
      changes: {
        fields: Object.keys(input)
          .filter((k) => input[k as keyof typeof input] != null)
          .sort(),
      },
    });
    return webhook;
  });
}

export async function deleteWebhook(context: Context, id: string) {
  await context.prisma.$transaction(async (tx) => {
    const webhook = await tx.webhook.delete({ where: { id } });
    await recordAudit(tx, context, { workspaceId: webhook.workspaceId, action: 'webhook.deleted', targetType: 'Webhook', targetId: id });
    await recordEvent(tx, context, { workspaceId: webhook.workspaceId, verb: 'deleted', entityType: 'Webhook', entityId: id });
  });
}

export async function rotateWebhookSecret(context: Context, id: string) {
  const secret = newSecret();
  const webhook = await context.prisma.$transaction(async (tx) => {
    const updated = await tx.webhook.update({ where: { id }, data: { secret } });
    await recordAudit(tx, context, { workspaceId: updated.workspaceId, action: 'webhook.secret_rotated', targetType: 'Webhook', targetId: id });
    await recordEvent(tx, context, { workspaceId: updated.workspaceId, verb: 'secret_rotated', entityType: 'Webhook', entityId: id });
    return updated;
  });
  return { webhook, secret };
}

export async function redeliver(context: Context, deliveryId: string) {
  return context.prisma.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.update({ where: { id: deliveryId }, data: { status: 'PENDING', error: null } });
    await enqueueJob(tx, WEBHOOK_DELIVER, { deliveryId }, { maxAttempts: MAX_ATTEMPTS });
    await recordEvent(tx, context, { workspaceId: delivery.workspaceId, verb: 'redelivered', entityType: 'WebhookDelivery', entityId: deliveryId });
    return delivery;
  });
}

/**
 * POSTs a delivery with node:http(s) rather than fetch: its `lookup` option pins the connection to the
 * address that was checked (no second DNS answer), while Host and TLS SNI keep the URL's host name.
 * Redirects are not followed; the response body is discarded.
 */
export function postDelivery(url: URL, body: string, signature: string, pinned: CheckedAddress | null): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Kith-Webhooks/1',
          [SIGNATURE_HEADER]: signature,
        },
        ...(pinned ? { lookup: pinnedLookup(pinned) } : {}),
        // A connection of its own: a pooled socket could have been opened for another address than the one just checked.
        agent: false,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Math.round(performance.now() - started) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Sends one delivery; a failure is recorded and thrown, so the job queue retries it with backoff. Nothing
 * leaves a workspace scheduled for deletion: its queued deliveries end without a call.
 */
export function webhookHandlers(app: AppServices): Record<string, JobHandler> {
  return {
    [WEBHOOK_DELIVER]: async ({ deliveryId }: { deliveryId: string }, job) => {
      const prisma = app.db.prisma;
      const delivery = await prisma.webhookDelivery.findUnique({
        where: { id: deliveryId },
        include: { webhook: { include: { workspace: { select: { closedAt: true } } } } },
      });
      if (!delivery || delivery.status === 'SUCCEEDED' || !delivery.webhook.isActive || delivery.webhook.workspace.closedAt) return;
      const body = JSON.stringify(delivery.payload);
      let outcome: { status?: number; ms?: number; error?: string };
      try {
        const url = new URL(delivery.webhook.url);
        const pinned = await assertPublicDestination(url, app.config.webhooksAllowPrivateUrls);
        const result = await postDelivery(url, body, signatureFor(delivery.webhook.secret, body), pinned);
        outcome = result.status >= 200 && result.status < 300 ? result : { ...result, error: `HTTP ${result.status}` };
      } catch (error) {
        outcome = { error: error instanceof Error ? error.message.slice(0, 300) : String(error) };
      }
      const last = job.attempts >= job.maxAttempts;
      await prisma.webhookDelivery.update({
        where: { id: deliveryId },
        data: {
          attempts: { increment: 1 },
          responseStatus: outcome.status ?? null,
          responseMs: outcome.ms ?? null,
          error: outcome.error ?? null,
          status: outcome.error ? (last ? 'FAILED' : 'PENDING') : 'SUCCEEDED',
          deliveredAt: outcome.error ? null : new Date(),
        },
      });
      if (outcome.error) throw new Error(`Webhook delivery failed: ${outcome.error}`);
    },
  };
}
