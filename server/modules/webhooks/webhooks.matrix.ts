import { globalId, type RolesFixture } from '../../test/fixtures.js';
import { admins, as, gql, type MatrixCase } from '../../test/role-matrix.js';
import type { TestApp } from '../../test/test-app.js';

async function webhookIn(app: TestApp, f: RolesFixture) {
  const webhook = await app.prisma.webhook.create({
    data: { workspaceId: f.workspaceId, url: 'https://hooks.example.com/kith', eventTypes: [], secret: 'whsec_test' },
  });
  return { webhook, gid: globalId('Webhook', webhook.id) };
}

const withWebhook = (query: string) => async (app: TestApp, f: RolesFixture, actor: Parameters<MatrixCase['run']>[2]) =>
  as(f, actor).gql(query, { id: (await webhookIn(app, f)).gid });

export const cases: MatrixCase[] = [
  { kind: 'query', field: 'webhooks', run: gql(`{ webhooks { edges { node { url } } } }`), expect: admins() },
  { kind: 'mutation', field: 'createWebhook', run: gql(`mutation { createWebhook(url: "https://8.8.8.8/hook") { secret } }`), expect: admins() },
  {
    kind: 'mutation',
    field: 'updateWebhook',
    run: withWebhook(`mutation($id: ID!) { updateWebhook(id: $id, isActive: false) { isActive } }`),
    expect: admins(),
  },
  { kind: 'mutation', field: 'rotateWebhookSecret', run: withWebhook(`mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`), expect: admins() },
  { kind: 'mutation', field: 'deleteWebhook', run: withWebhook(`mutation($id: ID!) { deleteWebhook(id: $id) }`), expect: admins() },
  {
    kind: 'mutation',
    field: 'redeliverWebhook',
    run: async (app, f, actor) => {
      const { webhook } = await webhookIn(app, f);
      const delivery = await app.prisma.webhookDelivery.create({
        data: { workspaceId: f.workspaceId, webhookId: webhook.id, eventType: 'contact.created', payload: {} },
      });
      return as(f, actor).gql(`mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { status } }`, { id: globalId('WebhookDelivery', delivery.id) });
    },
    expect: admins(),
  },
];
