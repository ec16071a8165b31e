import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { jobHandlers } from '../../jobs/registry.js';
import { JobWorker } from '../../jobs/worker.js';
import { rolesFixture } from '../../test/fixtures.js';
import { errorCodes, useTestApp, type TestApp } from '../../test/test-app.js';
import { SIGNATURE_HEADER } from './webhooks.service.js';

const getApp = useTestApp({ config: { webhooksAllowPrivateUrls: true } });
const strictApp = useTestApp();

interface Received {
  body: string;
  signature: string;
}
let receiver: Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  receiver = null;
});

/** A receiving endpoint on loopback that answers with the next status in `statuses` (then 200). */
async function startReceiver(statuses: number[] = []) {
  const received: Received[] = [];
  receiver = createServer((req, res) => {
    let body = '';
    req
      .on('data', (chunk) => (body += chunk))
      .on('end', () => {
        received.push({ body, signature: String(req.headers[SIGNATURE_HEADER.toLowerCase()]) });
        res.writeHead(statuses.shift() ?? 200).end('ok');
      });
  });
  const port = await new Promise<number>((resolve) => receiver!.listen(0, '127.0.0.1', () => resolve((receiver!.address() as { port: number }).port)));
  return { url: `http://127.0.0.1:${port}/kith`, received };
}

async function runDueJobs(app: TestApp) {
  const worker = new JobWorker(app.prisma, jobHandlers(app.services), { logger: app.services.logger });
  while (await worker.runNext());
}

/** The check a receiver performs, as docs/api.md shows it. */
function verify(secret: string, body: string, header: string) {
  const { t, v1 } = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]));
  return createHmac('sha256', secret).update(`${t}.${body}`).digest('hex') === v1;
}

describe('webhooks', () => {
  it('delivers matching events signed with the secret, and logs each delivery', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { url, received } = await startReceiver();
    const created = await f.clients.ADMIN.ok<{ createWebhook: { secret: string; webhook: { id: string } } }>(
      `mutation($u: String!) { createWebhook(url: $u, eventTypes: ["contact.created"]) { secret webhook { id } } }`,
      { u: url },
    );
    await f.clients.MEMBER.ok(`mutation { createContact(input: { firstName: "Ada" }) { id } }`);
    await f.clients.MEMBER.ok(`mutation { createCompany(input: { name: "Initech" }) { id } }`);
    await runDueJobs(app);

    expect(received).toHaveLength(1);
    const payload = JSON.parse(received[0]!.body);
    expect(payload).toMatchObject({ type: 'contact.created', verb: 'created', entityType: 'Contact', workspaceId: f.workspaceId });
    expect(verify(created.createWebhook.secret, received[0]!.body, received[0]!.signature)).toBe(true);
    expect(verify('whsec_wrong', received[0]!.body, received[0]!.signature)).toBe(false);

    const log = await f.clients.ADMIN.ok<{ node: { deliveries: { edges: Array<{ node: { status: string; responseStatus: number; attempts: number } }> } } }>(
      `query($id: ID!) { node(id: $id) { ... on Webhook { deliveries { edges { node { status responseStatus attempts } } } } } }`,
      { id: created.createWebhook.webhook.id },
    );
    expect(log.node.deliveries.edges.map((e) => e.node)).toEqual([{ status: 'SUCCEEDED', responseStatus: 200, attempts: 1 }]);
  });

  it('retries a failing receiver later through the job queue, then succeeds; a delivery can be sent again', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { url, received } = await startReceiver([500]);
    await f.clients.ADMIN.ok(`mutation($u: String!) { createWebhook(url: $u, eventTypes: ["contact.created"]) { secret } }`, { u: url });
    await f.clients.MEMBER.ok(`mutation { createContact(input: { firstName: "Ada" }) { id } }`);
    await runDueJobs(app);
    const failed = await app.prisma.webhookDelivery.findFirstOrThrow();
    expect(failed).toMatchObject({ status: 'PENDING', attempts: 1, responseStatus: 500, error: 'HTTP 500' });
    const retry = await app.prisma.job.findFirstOrThrow({ where: { kind: 'webhook.deliver' } });
    expect(retry.runAt.getTime()).toBeGreaterThan(Date.now());

    await app.prisma.job.update({ where: { id: retry.id }, data: { runAt: new Date() } });
    await runDueJobs(app);
    expect(await app.prisma.webhookDelivery.findFirstOrThrow()).toMatchObject({ status: 'SUCCEEDED', attempts: 2, responseStatus: 200 });
    expect(received).toHaveLength(2);
    expect(received[1]!.body).toBe(received[0]!.body);

    const gid = Buffer.from(`WebhookDelivery:${failed.id}`).toString('base64');
    await f.clients.ADMIN.ok(`mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { status } }`, { id: gid });
    await runDueJobs(app);
    expect(received).toHaveLength(3);
  });

  it('sends nothing for a change that rolled back', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { url } = await startReceiver();
    await f.clients.ADMIN.ok(`mutation($u: String!) { createWebhook(url: $u) { secret } }`, { u: url });
    // The webhook's own creation is an event of the workspace too.
    expect(await app.prisma.webhookDelivery.findMany({ select: { eventType: true } })).toEqual([{ eventType: 'webhook.created' }]);
    await app.prisma.webhookDelivery.deleteMany();
    const refused = await f.clients.MEMBER.gql(`mutation { createContact(input: { firstName: "" }) { id } }`);
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(await app.prisma.webhookDelivery.count()).toBe(0);
  });
});

describe('webhook URLs', () => {
  it('refuses loopback, private and metadata addresses unless the server allows them', async () => {
    const app = strictApp();
    const f = await rolesFixture(app);
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://10.1.2.3/hook',
      'http://169.254.169.254/latest',
      'http://[::1]/hook',
      'http://localhost/hook',
      'ftp://example.com/x',
    ]) {
      const result = await f.clients.ADMIN.gql(`mutation($u: String!) { createWebhook(url: $u) { secret } }`, { u: url });
      expect({ url, codes: errorCodes(result) }).toEqual({ url, codes: ['BAD_USER_INPUT'] });
    }
    expect(await app.prisma.webhook.count()).toBe(0);
  });
});
