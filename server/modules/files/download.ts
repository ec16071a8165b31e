import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { AppServices } from '../../app-services.js';
import type { RequestRateLimiter } from '../../http/protection/rate-limit.js';
import { contextForRequest } from '../../http/request-context.js';
import { canSeeFile } from './access.js';
import { contentDisposition } from './file-name.js';
import { fileStorage } from './storage.js';
import { isUuid } from '../node/uuid.js';

function notFound(res: ServerResponse) {
  res.writeHead(404, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify({ error: 'Not found' }));
}

/**
 * GET /files/<id>: the bytes of a file, for a signed-in member who can see its record. Everyone else,
 * whatever the reason (signed out, another workspace, private record, deleted), gets the same 404.
 */
export async function handleFileDownload(app: AppServices, req: IncomingMessage, res: ServerResponse, id: string, rateLimiter?: RequestRateLimiter) {
  const cookies: string[] = [];
  // A refused API key (invalid, or its IP out of failed attempts) reads like any other stranger: 404.
  const context = await contextForRequest(app, { req, rateLimiter }, (cookie) => cookies.push(cookie)).catch(() => null);
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);
  if (!context?.viewer || !isUuid(id)) return notFound(res);

  const file = await context.prisma.file.findUnique({ where: { id: id.toLowerCase(), deletedAt: null } });
  if (!file || !(await canSeeFile(context, file))) return notFound(res);
  const object = await fileStorage(app.config).open(file.storageKey);
  if (!object) {
    app.logger.warn(`File ${file.id} has no stored object under its key.`);
    return notFound(res);
  }

  res.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Length': String(object.size),
    'Content-Disposition': contentDisposition(file.name),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, no-store',
  });
  // A client that goes away mid-download is not a server error.
  await pipeline(object.body, res).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ERR_STREAM_PREMATURE_CLOSE') app.logger.warn(`Download of file ${file.id} failed: ${error.message}`);
  });
}
