import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { badInput } from '../../errors.js';

// Loopback, private, link-local (cloud metadata), carrier-grade NAT, multicast and reserved ranges.
const privateNetworks = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['224.0.0.0', 3]] as const) {
  privateNetworks.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [['::', 127], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) privateNetworks.addSubnet(net, prefix, 'ipv6');

function isPrivateAddress(address: string): boolean {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  return mapped ? privateNetworks.check(mapped, 'ipv4') : privateNetworks.check(address, family);
}

/** A webhook URL as stored: http(s), no credentials, at most 2,000 characters. */
export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw badInput('Not a valid URL.', 'url');
  }
  if (!['https:', 'http:'].includes(url.protocol)) throw badInput('Webhook URLs must use https (or http).', 'url');
  if (url.username || url.password) throw badInput('Put no credentials in the URL; verify the signature instead.', 'url');
  if (url.href.length > 2000) throw badInput('The URL is too long.', 'url');
  return url;
}

/**
 * Refuses URLs whose host is, or resolves to, a loopback or private address: checked when the webhook is
 * saved and again before every delivery (DNS can change), against server-side request forgery.
 */
export async function assertPublicDestination(url: URL, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) throw badInput(`The host ${host} does not resolve.`, 'url');
  if (addresses.some(isPrivateAddress)) throw badInput('Webhook URLs may not point at loopback or private networks.', 'url');
}
