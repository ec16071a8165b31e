// POST /imports/upload?name=<file name>: the file is the raw request body, streamed into storage as it
// arrives (never held in memory, unlike a GraphQL multipart part), then read far enough to suggest a
// mapping. Needs the x-kith-csrf header, a session or API key, `records:create` in the workspace
// (x-workspace-id), and spends one request from the caller's rate-limit budget.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import type { AppServices } from '../../app-services.js';
import { roleCan } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { rateLimitHeaders, rateLimitKey, type RequestRateLimiter } from '../../http/protection/rate-limit.js';
import { contextForRequest } from '../../http/request-context.js';
import { publishPending } from '../activity-events/publish.js';
import { sanitizeFileName } from '../files/file-name.js';
import { fileStorage, formatBytes, newStorageKey, UploadMeter, UploadRefused } from '../files/storage.js';
import { createUploadedImport, UploadProblem } from './imports.service.js';

/** No row cap; this only bounds what one upload may put on the disk. */
export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const failure = (status: number, code: string, message: string, headers?: Record<string, string>): Reply => ({
  status,
  body: { error: { code, message } },
  headers,
});

/** Spreadsheets and documents that are not text: a clearer answer than a page of mojibake. */
function headProblem(head: Uint8Array): string | null {
  const start = Buffer.from(head.subarray(0, 8));
  if (start.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'Excel and zip files cannot be imported yet: save the sheet as CSV first.';
  if (start.subarray(0, 5).toString('latin1') === '%PDF-') return 'A PDF cannot be imported: export the data as CSV or vCard.';
  const utf16 =
    (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || head.subarray(0, 64).some((b, i) => b === 0 && head[i ^ 1] !== 0);
  if (!utf16 && head.includes(0)) return 'This is not a text file: import CSV or vCard.';
  return null;
}

async function receive(app: AppServices, req: IncomingMessage, rateLimiter: RequestRateLimiter | undefined, setCookie: (c: string) => void): Promise<Reply> {
  if (req.method !== 'POST') return failure(405, 'METHOD_NOT_ALLOWED', 'Use POST.', { Allow: 'POST' });
  // Any custom header forces a browser to ask first (CORS preflight), so another site cannot post here.
  if (req.headers['x-kith-csrf'] === undefined) return failure(403, 'CSRF', 'Send the x-kith-csrf header.');
  let context: Context;
  try {
    context = await contextForRequest(app, { req, rateLimiter }, setCookie);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return failure(error.extensions.code === 'RATE_LIMITED' ? 429 : 401, String(error.extensions.code), error.message);
  }
  if (!context.viewer) return failure(401, 'UNAUTHENTICATED', 'Sign in, or send an API key.');

  const url = new URL(req.url ?? '/', 'http://kith.invalid');
  let workspaceId: string | null;
  try {
    workspaceId = context.workspaceIdFrom(url.searchParams.get('workspaceId'));
  } catch {
    return failure(400, 'BAD_USER_INPUT', 'The workspace id is not valid.');
  }
  if (!workspaceId) return failure(400, 'BAD_USER_INPUT', 'Choose a workspace: the x-workspace-id header or ?workspaceId=.');
  const role = await context.roleIn(workspaceId);
  if (!role) return failure(404, 'NOT_FOUND', 'Workspace not found.');
  if (!roleCan(role, 'records:create')) return failure(403, 'FORBIDDEN', 'You are not allowed to import records in this workspace.');

  const limit = await rateLimiter?.consume(rateLimitKey(context));
  if (limit && !limit.allowed)
    return failure(429, 'RATE_LIMITED', `Too many requests. Try again in ${limit.retryAfterSeconds} seconds.`, rateLimitHeaders(limit));

  const fileName = sanitizeFileName(url.searchParams.get('name') ?? '');
  if (!fileName) return failure(400, 'BAD_USER_INPUT', 'Name the file: ?name=contacts.csv.');
  if (Number(req.headers['content-length'] ?? 0) > MAX_IMPORT_BYTES) {
    return failure(413, 'PAYLOAD_TOO_LARGE', `Imports are at most ${formatBytes(MAX_IMPORT_BYTES)} per file; split the file.`, { Connection: 'close' });
  }

  const storage = fileStorage(app.config);
  const storageKey = newStorageKey(workspaceId);
  const meter = new UploadMeter(MAX_IMPORT_BYTES, headProblem);
  try {
    await storage.put(storageKey, meter.wrap(req));
  } catch (error) {
    if (error instanceof UploadRefused)
      return failure(error.message.includes('larger') ? 413 : 400, error.message.includes('larger') ? 'PAYLOAD_TOO_LARGE' : 'BAD_USER_INPUT', error.message, {
        Connection: 'close',
      });
    throw error;
  }
  try {
    const row = await createUploadedImport(context, workspaceId, { fileName, storageKey, byteSize: meter.size });
    return {
      status: 201,
      body: {
        import: {
          id: encodeGlobalID('Import', row.id),
          fileName: row.fileName,
          status: row.status,
          entity: row.entity,
          headers: row.headers,
          columns: row.columns,
          recognised: row.recognised,
        },
      },
    };
  } catch (error) {
    await storage.delete(storageKey);
    if (error instanceof UploadProblem) return failure(400, 'BAD_USER_INPUT', error.message);
    throw error;
  } finally {
    await publishPending(app, context);
  }
}

export async function handleImportUpload(app: AppServices, req: IncomingMessage, res: ServerResponse, rateLimiter?: RequestRateLimiter) {
  const cookies: string[] = [];
  const { status, body, headers } = await receive(app, req, rateLimiter, (cookie) => cookies.push(cookie));
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);
  // A refusal before the body was read: drain it so the client sees the answer, not a reset.
  if (!req.complete && status >= 400) req.resume();
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers }).end(JSON.stringify(body));
}
