import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AppServices } from '../app-services.js';
import { handleExportDownload } from '../modules/exports/download.js';
import { handleFileDownload } from '../modules/files/download.js';
import { handleImportErrorFile } from '../modules/imports/error-file.http.js';
import { handleImportUpload } from '../modules/imports/upload.http.js';
import { handlePublicFormRequest } from '../modules/forms/public-form.http.js';
import { handleStripeWebhook } from '../modules/billing/stripe-webhook.http.js';
import { handlePurgeHealth } from '../modules/privacy/overdue-purges.js';
import { handleTwilioWebhook } from '../modules/channels/twilio/twilio-webhooks.http.js';
import { handleMailOAuthCallback } from '../modules/channels/oauth/callback.http.js';
import { CALLBACK_PATH } from '../modules/channels/oauth/mailbox-oauth.js';
import { securityHeaders } from './protection/index.js';
import { readBody } from './read-body.js';
import { createStaticApp } from './static-app.js';
import { attachWebSocketServer } from './websocket.js';
import { createKithYoga } from './yoga.js';

/** Room for a multipart upload's operations, map and part headers on top of the file itself. */
const MULTIPART_OVERHEAD_BYTES = 1024 * 1024;

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

/** Past this much of an oversized body the answer goes out at once, and the client may see the socket close under it. */
const DISCARD_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * 413, once the body is read and dropped (up to DISCARD_LIMIT_BYTES): a client still writing its body
 * when the socket closes sees EPIPE instead of the answer.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse) {
  const answer = () => {
    if (res.headersSent) return;
    res.setHeader('Connection', 'close');
    sendJson(res, 413, { errors: [{ message: 'Request body too large.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  };
  if (req.complete) return answer();
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT_BYTES) answer();
  });
  req.once('end', answer);
  req.resume();
}

function isLoopback(req: IncomingMessage) {
  const address = req.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** `clientDir`: the built web app (client/dist unless given; tests build into a temp folder). */
export function createKithServer(app: AppServices, options: { clientDir?: string } = {}) {
  const yoga = createKithYoga(app);
  const headers = securityHeaders(app.config);
  const serveApp = createStaticApp(options.clientDir);

  async function handle(req: IncomingMessage, res: ServerResponse) {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/readyz') {
      const ready = await app.db.sql.query('SELECT 1').then(
        () => true,
        () => false,
      );
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'database unreachable' });
    }
    if (path === '/healthz/purges') return handlePurgeHealth(app, res);
    if (path === '/dev/outbox' && app.config.env !== 'production' && !app.config.smtpUrl && isLoopback(req)) {
      const emails = await app.db.prisma.outboxEmail.findMany({ orderBy: { createdAt: 'desc' }, take: 50 });
      return sendJson(res, 200, emails);
    }
    // Downloads accept API keys too, so they spend from the same per-IP budget of failed authentications.
    if (req.method === 'GET' && path?.startsWith('/files/')) return handleFileDownload(app, req, res, path.slice('/files/'.length), yoga.rateLimiter);
    const exportDownload = req.method === 'GET' ? /^\/exports\/([^/]+)\/download$/.exec(path ?? '') : null;
    if (exportDownload) return handleExportDownload(app, req, res, exportDownload[1]!, yoga.rateLimiter);
    if (path === '/webhooks/stripe') return handleStripeWebhook(app, req, res, yoga.rateLimiter);
    if (path?.startsWith('/forms/')) return handlePublicFormRequest(app, req, res, path.slice('/forms/'.length));
    // Imports stream their body to storage themselves, so they come before the body-size check.
    if (path === '/imports/upload') return handleImportUpload(app, req, res, yoga.rateLimiter);
    const importErrors = req.method === 'GET' ? /^\/imports\/([^/]+)\/errors\.csv$/.exec(path ?? '') : null;
    if (importErrors) return handleImportErrorFile(app, req, res, importErrors[1]!, yoga.rateLimiter);
    if (path?.startsWith('/twilio/')) return handleTwilioWebhook(app, req, res, path.slice('/twilio/'.length));
    if (path === CALLBACK_PATH) return handleMailOAuthCallback(app, req, res);
    // Uploads (GraphQL multipart requests) may carry a file up to the configured limit; everything else
    // GRAPHQL_MAX_BODY_BYTES. Yoga holds a multipart body in memory while parsing it, so an upload must
    // declare its length (Node's parser then reads no more than that).
    const upload = path === yoga.graphqlEndpoint && /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
    if (upload && req.headers['content-length'] === undefined) {
      return sendJson(res, 411, { errors: [{ message: 'Uploads need a Content-Length.', extensions: { code: 'LENGTH_REQUIRED' } }] });
    }
    const maxBodyBytes = upload ? app.config.filesMaxBytes + MULTIPART_OVERHEAD_BYTES : app.config.protection.maxBodyBytes;
    if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) return refuseTooLarge(req, res);
    if (path === yoga.graphqlEndpoint) {
      // A chunked body has no length to check up front: it is read here, counting, and handed to Yoga as
      // bytes (its Node adapter takes an already-read `req.body` as the request body).
      if (req.headers['content-length'] === undefined && req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') {
        const body = await readBody(req, maxBodyBytes);
        if (!body) return refuseTooLarge(req, res);
        (req as IncomingMessage & { body?: Buffer }).body = body;
      }
      return yoga(req, res);
    }
    if (req.method === 'GET' || req.method === 'HEAD') return serveApp(req, res, path ?? '/');
    sendJson(res, 404, { error: 'Not found' });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      app.logger.error(`HTTP handler failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'Internal error' });
      else res.end();
    });
  });
  const websockets = attachWebSocketServer(server, yoga, app);

  return {
    server,
    yoga,
    listen(port: number, host: string): Promise<number> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    /** Stops accepting; requests in flight finish, idle keep-alive connections close at once. */
    async close() {
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await websockets.close();
      await drained;
      await yoga.dispose();
    },
  };
}

export type KithServer = ReturnType<typeof createKithServer>;
