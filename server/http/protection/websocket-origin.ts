import type { IncomingMessage } from 'node:http';
import type { Config } from '../../config.js';

/**
 * Whether a WebSocket upgrade may ride on the browser's session cookie: no Origin (not a browser), the
 * server's own origin (PUBLIC_URL, or the Host it was reached at), or one listed in CORS_ORIGINS.
 * Browsers send cookies with cross-site WebSocket upgrades and CORS does not apply to them, so without
 * this any site could open a socket as the signed-in person (cross-site WebSocket hijacking).
 */
export function originMayUseCookie(req: IncomingMessage, config: Pick<Config, 'publicUrl' | 'protection'>): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin === new URL(config.publicUrl).origin) return true;
  if (req.headers.host && url.host === req.headers.host) return true;
  return config.protection.corsOrigins.includes(url.origin);
}
