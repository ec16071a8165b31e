import { randomBytes } from 'node:crypto';
import type { ChannelsConfig, SecretKey } from '../config.js';

export const newKey = (id: string): SecretKey => ({ id, key: randomBytes(32) });

/** Channels as a test server has them: credentials storable, loopback mail servers allowed. */
export function testChannels(overrides: Partial<ChannelsConfig> = {}): ChannelsConfig {
  return { secretKeys: [newKey('k1')], allowPrivateHosts: true, inbound: null, oauth: {}, twilio: null, ...overrides };
}
