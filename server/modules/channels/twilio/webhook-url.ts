// The URLs Twilio may have signed for a webhook request. Twilio signs the URL it calls, which behind a
// reverse proxy is not the one Kith sees: it is PUBLIC_URL followed by the path the proxy passes on
// (a proxy that strips a prefix such as /crm keeps it in PUBLIC_URL), or, with TRUST_PROXY, the scheme and
// host the proxy reports in X-Forwarded-Proto and X-Forwarded-Host. Accepting either costs nothing: only
// the holder of the auth token can sign any of them. Twilio's validator itself tries each with and
// without the default port.
import type { IncomingMessage } from 'node:http';
import type { Config } from '../../../config.js';

const firstValue = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw)?.split(',')[0]?.trim() || null;
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

export function signedWebhookUrls(config: Pick<Config, 'publicUrl' | 'trustProxy'>, req: IncomingMessage): string[] {
  const path = req.url ?? '/';
  const urls = [`${config.publicUrl}${path}`];
  if (config.trustProxy) {
    const proto = firstValue(req.headers['x-forwarded-proto'])?.toLowerCase();
    const host = firstValue(req.headers['x-forwarded-host']) ?? firstValue(req.headers.host);
    if ((proto === 'https' || proto === 'http') && host && HOST.test(host)) urls.push(`${proto}://${host.toLowerCase()}${path}`);
  }
  return urls;
}
