// GET /imports/<id>/errors.csv: the rows that failed, as CSV with the file's own header and a last column
// saying why, to fix and import again. Streamed from the database page by page. Anyone who may not see
// the import (whatever the reason) gets the same 404.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { stringify } from 'csv-stringify';
import type { AppServices } from '../../app-services.js';
import type { RequestRateLimiter } from '../../http/protection/rate-limit.js';
import { contextForRequest } from '../../http/request-context.js';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { contentDisposition } from '../files/file-name.js';
import { isUuid } from '../node/uuid.js';
import { canSeeImport } from './imports.service.js';

export const REASON_HEADER = 'Import error';
const PAGE = 1000;
/** Spreadsheets run cells that start with these as formulas. */
const FORMULA_START = /^[=+\-@\t\r]/;
const safeCell = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

/** The error file's rows: header first, then each failed row in file order. */
export async function* errorFileRows(prisma: PrismaClient | Prisma.TransactionClient, importId: string, headers: string[]): AsyncGenerator<string[]> {
  yield [...headers, REASON_HEADER];
  let after = 0;
  for (;;) {
    const page = await prisma.importFailure.findMany({ where: { importId, rowNumber: { gt: after } }, orderBy: { rowNumber: 'asc' }, take: PAGE });
    for (const failure of page) {
      const cells = headers.map((_, i) => safeCell(failure.cells[i] ?? ''));
      yield [...cells, failure.reason];
    }
    if (page.length < PAGE) return;
    after = page.at(-1)!.rowNumber;
  }
}

export async function handleImportErrorFile(app: AppServices, req: IncomingMessage, res: ServerResponse, id: string, rateLimiter?: RequestRateLimiter) {
  const notFound = () => res.writeHead(404, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify({ error: 'Not found' }));
  const cookies: string[] = [];
  const context = await contextForRequest(app, { req, rateLimiter }, (cookie) => cookies.push(cookie)).catch(() => null);
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);
  if (!context?.viewer || !isUuid(id)) return notFound();
  const row = await context.prisma.import.findUnique({ where: { id: id.toLowerCase() } });
  if (!row || !(await canSeeImport(context, row))) return notFound();
  const base = row.fileName.replace(/\.[^.]*$/, '');
  res.writeHead(200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': contentDisposition(`${base}-errors.csv`),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  });
  // A BOM, so spreadsheet programs read the file as UTF-8.
  res.write('\uFEFF');
  const csv = stringify({ record_delimiter: 'windows' });
  csv.pipe(res);
  try {
    for await (const cells of errorFileRows(app.db.prisma, row.id, row.headers)) {
      if (!csv.write(cells)) await new Promise((resolve) => csv.once('drain', resolve));
    }
  } finally {
    csv.end();
  }
}
