// Serves the built web app (client/dist): hashed assets with a year-long immutable cache, every other
// GET without a file extension answered with index.html so client routes (/contacts/...) survive a reload.
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../project-root.js';

export const DEFAULT_CLIENT_DIR = resolve(PROJECT_ROOT, 'client', 'dist');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt', '.map']);

interface CachedFile {
  mtimeMs: number;
  body: Buffer;
  gzipped: Buffer | null;
}

/** Only same-origin scripts, styles and connections (HTTP and the graphql-ws socket); no framing, no plugins. */
export function contentSecurityPolicy(host: string | undefined): string {
  const safeHost = host && /^[a-z0-9.:[\]-]+$/i.test(host) ? host : null;
  const sockets = safeHost ? ` ws://${safeHost} wss://${safeHost}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function createStaticApp(clientDir: string = DEFAULT_CLIENT_DIR) {
  const root = resolve(clientDir);
  const cache = new Map<string, CachedFile>();

  async function load(path: string): Promise<CachedFile | null> {
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    const cached = cache.get(path);
    if (cached && cached.mtimeMs === info.mtimeMs) return cached;
    const body = await readFile(path);
    const file = { mtimeMs: info.mtimeMs, body, gzipped: COMPRESSIBLE.has(extname(path)) && body.length > 1024 ? gzipSync(body) : null };
    cache.set(path, file);
    return file;
  }

  function send(req: IncomingMessage, res: ServerResponse, path: string, file: CachedFile, cacheControl: string) {
    const ext = extname(path);
    const gzip = file.gzipped && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? file.gzipped! : file.body;
    const headers: Record<string, string> = {
      'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
      'Content-Length': String(body.length),
      'Cache-Control': cacheControl,
      Vary: 'Accept-Encoding',
    };
    if (gzip) headers['Content-Encoding'] = 'gzip';
    if (ext === '.html') {
      headers['Content-Security-Policy'] = contentSecurityPolicy(req.headers.host);
      headers['Cross-Origin-Opener-Policy'] = 'same-origin';
      headers['Permissions-Policy'] = 'camera=(), microphone=(), geolocation=()';
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /** Answers a GET or HEAD that no API route took. */
  return async function serveApp(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      decoded = '/';
    }
    const candidate = resolve(root, `.${normalize(decoded)}`);
    const inside = candidate === root || candidate.startsWith(root + sep);
    if (inside && extname(candidate)) {
      const file = await load(candidate);
      if (file) {
        const hashed = candidate.startsWith(join(root, 'assets') + sep);
        return send(req, res, candidate, file, hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      }
      if (extname(candidate) !== '.html') {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
    }
    const indexPath = join(root, 'index.html');
    const index = await load(indexPath);
    if (!index) {
      res
        .writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5' })
        .end('The Kith web app is not built yet: run `npm run client:build`. The GraphQL API is at /graphql.');
      return;
    }
    send(req, res, indexPath, index, 'no-cache');
  };
}
