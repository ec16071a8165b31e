import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { BlockList, isIP } from 'node:net';
import { badInput } from '../../errors.js';

// Loopback, private, link-local (cloud metadata), carrier-grade NAT, benchmarking, IETF protocol
// assignments, documentation, multicast and reserved ranges; in IPv6 also NAT64 and 6to4 (both embed
// an IPv4 address that could be any of the above), Teredo, ULA, link-local and multicast.
const IPV4 = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 3],
] as const;
const IPV6 = [
  ['::', 96],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const;
const privateNetworks = new BlockList();
for (const [net, prefix] of IPV4) privateNetworks.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of IPV6) privateNetworks.addSubnet(net, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
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

export interface CheckedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Refuses URLs whose host is, or resolves to, a loopback or private address: checked when the webhook is
 * saved and again before every delivery (DNS can change), against server-side request forgery. Resolves
 * to the checked address, which the delivery then connects to (`pinnedLookup`), so that a second DNS
 * answer (rebinding) cannot send it elsewhere; null when private URLs are allowed (nothing to pin).
 */
export async function assertPublicDestination(url: URL, allowPrivate: boolean): Promise<CheckedAddress | null> {
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true }).catch(() => []);
  if (addresses.length === 0) throw badInput(`The host ${host} does not resolve.`, 'url');
  if (addresses.some((a) => isPrivateAddress(a.address))) throw badInput('Webhook URLs may not point at loopback or private networks.', 'url');
  const [first] = addresses;
  return { address: first!.address, family: first!.family === 6 ? 6 : 4 };
}

/**
 * A `lookup` for node:http(s) that answers every query with the already checked address. The URL's
 * host name still goes into the Host header and TLS SNI/certificate checks; only the DNS step is skipped.
 */
export function pinnedLookup(checked: CheckedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) (callback as (e: null, a: CheckedAddress[]) => void)(null, [checked]);
    else callback(null, checked.address, checked.family);
  };
}
