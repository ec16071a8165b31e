import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { AppServices } from '../../app-services.js';
import { roleCan } from '../../auth/permissions.js';
import type { RequestRateLimiter } from '../../http/protection/rate-limit.js';
import { contextForRequest } from '../../http/request-context.js';
import { recordAudit } from '../audit/audit.service.js';
import { fileStorage } from '../files/storage.js';
import { isUuid } from '../node/uuid.js';

function answer(res: ServerResponse, status: number, error: string) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify({ error }));
}

/**
 * GET /exports/<id>/download: the archive, for an owner or admin of its workspace (session cookie or API
 * key), until it expires (410 after). Everyone else, whatever the reason, gets the same 404.
 */
export async function handleExportDownload(app: AppServices, req: IncomingMessage, res: ServerResponse, id: string, rateLimiter?: RequestRateLimiter) {
  const cookies: string[] = [];
  const context = await contextForRequest(app, { req, rateLimiter }, (cookie) => cookies.push(cookie)).catch(() => null);
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);
  if (!context?.viewer || !isUuid(id)) return answer(res, 404, 'Not found');

  const row = await context.prisma.workspaceExport.findUnique({ where: { id: id.toLowerCase() } });
  if (!row || !roleCan(await context.roleIn(row.workspaceId), 'workspace:export')) return answer(res, 404, 'Not found');
  if (row.status === 'EXPIRED' || (row.expiresAt && row.expiresAt <= new Date())) return answer(res, 410, 'This export has expired; request a new one.');
  const object = row.status === 'DONE' && row.storageKey ? await fileStorage(app.config).open(row.storageKey) : null;
  if (!object) return answer(res, 404, 'This export is not ready.');

  await recordAudit(context.prisma, context, {
    workspaceId: row.workspaceId,
    action: 'workspace.export_downloaded',
    targetType: 'WorkspaceExport',
    targetId: row.id,
  });
  res.writeHead(200, {
    'Content-Type': 'application/zip',
    'Content-Length': String(object.size),
    'Content-Disposition': `attachment; filename="kith-export-${row.createdAt.toISOString().slice(0, 10)}-${row.format.toLowerCase()}.zip"`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  });
  await pipeline(object.body, res).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ERR_STREAM_PREMATURE_CLOSE') app.logger.warn(`Download of export ${row.id} failed: ${error.message}`);
  });
}
