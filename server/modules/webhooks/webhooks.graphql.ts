import { z } from 'zod';
import { rowConnection } from '../workspaces/row-lists.js';
import { inWorkspace, onRow } from '../../auth/field-scopes.js';
import { selectedRow } from '../../db/delegate.js';
import { builder } from '../../builder.js';
import { rowMutations } from '../workspaces/row-mutations.js';
import { idFromGlobalId, uuidNode } from '../node/uuid.js';
import { shortText } from '../records/common.types.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import { isWebhookEventType } from './event-types.js';
import { createWebhook, deleteWebhook, redeliver, rotateWebhookSecret, updateWebhook } from './webhooks.service.js';

const eventTypes = z
  .array(
    z.string().refine(isWebhookEventType, {
      error: (issue) => `Unknown event type "${String(issue.input)}"; event types look like "contact.created" (see docs/api.md).`,
    }),
  )
  .max(50);

builder.prismaNode('WebhookDelivery', {
  ...uuidNode,
  authScopes: (delivery) => ({ can: { workspaceId: delivery.workspaceId, permission: 'webhooks:manage' } }),
  fields: (t) => ({
    eventType: t.exposeString('eventType'),
    payload: t.expose('payload', { type: 'JSONObject' }),
    status: t.exposeString('status', { description: 'PENDING (queued or retrying), SUCCEEDED or FAILED (gave up).' }),
    attempts: t.exposeInt('attempts'),
    responseStatus: t.exposeInt('responseStatus', { nullable: true }),
    responseMs: t.exposeInt('responseMs', { nullable: true }),
    error: t.exposeString('error', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.prismaNode('Webhook', {
  ...uuidNode,
  description: `Receives the workspace's activity events as signed POSTs (header Kith-Signature: t=<unix>,v1=<HMAC-SHA256 hex of "<t>.<body>">).`,
  authScopes: (webhook) => ({ can: { workspaceId: webhook.workspaceId, permission: 'webhooks:manage' } }),
  fields: (t) => ({
    url: t.exposeString('url'),
    eventTypes: t.exposeStringList('eventTypes', { description: 'e.g. "contact.created"; empty means every event.' }),
    isActive: t.exposeBoolean('isActive'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    deliveries: t.relatedConnection('deliveries', { cursor: 'id', query: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] } }),
  }),
});

interface IssuedShape {
  webhookId: string;
  secret: string;
}
const IssuedWebhook = builder.objectRef<IssuedShape>('IssuedWebhook').implement({
  description: 'A webhook with its signing secret, shown only here.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    secret: t.exposeString('secret'),
    webhook: t.prismaField({
      type: 'Webhook',
      resolve: (query, issued, _args, ctx) => ctx.prisma.webhook.findUniqueOrThrow({ ...query, where: { id: issued.webhookId } }),
    }),
  }),
});

builder.queryField('webhooks', (t) =>
  rowConnection(t, { type: 'Webhook', model: 'webhook', permission: 'webhooks:manage', orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
);

builder.mutationFields((t) => ({
  createWebhook: t.field({
    type: IssuedWebhook,
    args: {
      workspaceId: t.arg.id({ required: false }),
      url: t.arg.string({ validate: shortText('URL', 2000) }),
      eventTypes: t.arg.stringList({ required: false, validate: eventTypes }),
    },
    authScopes: inWorkspace('webhooks:manage'),
    resolve: async (_root, args, ctx) => {
      const { webhook, secret } = await createWebhook(ctx, requireWorkspaceId(ctx, args.workspaceId), { url: args.url, eventTypes: args.eventTypes ?? [] });
      return { webhookId: webhook.id, secret };
    },
  }),
  updateWebhook: t.prismaField({
    type: 'Webhook',
    args: {
      id: t.arg.id(),
      url: t.arg.string({ required: false, validate: shortText('URL', 2000) }),
      eventTypes: t.arg.stringList({ required: false, validate: eventTypes }),
      isActive: t.arg.boolean({ required: false }),
    },
    authScopes: onRow('webhook', 'webhooks:manage'),
    resolve: async (query, _root, args, ctx) => {
      const updated = await updateWebhook(ctx, idFromGlobalId(args.id, 'Webhook'), {
        url: args.url ?? undefined,
        eventTypes: args.eventTypes ?? undefined,
        isActive: args.isActive,
      });
      return ctx.prisma.webhook.findUniqueOrThrow({ ...query, where: { id: updated.id } });
    },
  }),
  rotateWebhookSecret: t.field({
    type: IssuedWebhook,
    args: { id: t.arg.id() },
    authScopes: onRow('webhook', 'webhooks:manage'),
    resolve: async (_root, args, ctx) => {
      const { webhook, secret } = await rotateWebhookSecret(ctx, idFromGlobalId(args.id, 'Webhook'));
      return { webhookId: webhook.id, secret };
    },
  }),
  deleteWebhook: rowMutations(t, 'webhook', 'webhooks:manage').remove(deleteWebhook),
  redeliverWebhook: t.prismaField({
    type: 'WebhookDelivery',
    description: 'Sends a delivery again (for instance after fixing the receiver).',
    args: { deliveryId: t.arg.id() },
    authScopes: onRow('webhookDelivery', 'webhooks:manage', 'deliveryId'),
    resolve: async (query, _root, args, ctx) =>
      selectedRow(ctx, 'webhookDelivery', query, await redeliver(ctx, idFromGlobalId(args.deliveryId, 'WebhookDelivery'))),
  }),
}));
