import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { badInput } from '../../errors.js';
import { isPrivateAddress } from '../webhooks/url-safety.js';

const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** A mail server's host name as stored (lower case, no scheme, no port). */
export function parseMailHost(raw: string, field: string): string {
  const host = raw.trim().toLowerCase();
  if (!HOST.test(host) && !isIP(host)) throw badInput('Give the server as a host name such as smtp.example.com.', field);
  return host;
}

/**
 * The address to connect to: a host that is, or resolves to, a loopback or private address is refused
 * (server-side request forgery) unless the server allows it. Checked on save and again on every connection,
 * and the connection goes to the checked address, so a second DNS answer cannot send it elsewhere.
 */
export async function resolveMailHost(host: string, allowPrivate: boolean, field = 'input.host'): Promise<string> {
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) throw badInput(`The host ${host} does not resolve.`, field);
  if (!allowPrivate && addresses.some(isPrivateAddress)) throw badInput('Mail servers may not be on loopback or private networks on this server.', field);
  return addresses[0]!;
}
