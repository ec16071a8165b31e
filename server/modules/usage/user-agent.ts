import { UAParser } from 'ua-parser-js';

export interface Device {
  browser: string | null;
  os: string | null;
}

const MAX_CACHED = 500;
const cache = new Map<string, Device>();

/** Browser and OS names (no versions: they identify a device more than they inform) from a User-Agent. */
export function parseUserAgent(userAgent: string | null | undefined): Device {
  if (!userAgent) return { browser: null, os: null };
  const cached = cache.get(userAgent);
  if (cached) return cached;
  const { browser, os } = UAParser(userAgent.slice(0, 512));
  const device = { browser: browser.name ?? null, os: os.name ?? null };
  // A handful of distinct agents covers almost every request; forget all when a flood of odd ones arrives.
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(userAgent, device);
  return device;
}
