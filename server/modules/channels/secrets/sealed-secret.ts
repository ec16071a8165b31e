// Mail and phone credentials at rest: AES-256-GCM under a key from CHANNELS_SECRET_KEYS, bound to the
// workspace (additional data), so a sealed value copied into another workspace's row does not open.
// Format: v1.<key id>.<iv>.<tag>.<ciphertext>, base64url parts. The key id lets old values open after a
// rotation (docs/channels.md); `npm run channels:rotate-keys` re-seals everything under the first key.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { SecretKey } from '../config.js';

export class SecretsUnavailable extends Error {}

/** The GraphQL error for a server without CHANNELS_SECRET_KEYS: credentials cannot be stored. */
export const notConfigured = (message: string) => new GraphQLError(message, { extensions: { code: 'NOT_CONFIGURED' } });

export function sealSecret(keys: SecretKey[], workspaceId: string, plain: string): string {
  const current = keys[0];
  if (!current) throw notConfigured('This server cannot store mail or phone credentials: its administrator has not set CHANNELS_SECRET_KEYS.');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', current.key, iv);
  cipher.setAAD(Buffer.from(workspaceId));
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', current.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.');
}

export function openSecret(keys: SecretKey[], workspaceId: string, sealed: string): string {
  const [version, keyId, iv, tag, body] = sealed.split('.');
  const key = keys.find((candidate) => candidate.id === keyId);
  if (version !== 'v1' || !key || !iv || !tag || body === undefined) {
    throw new SecretsUnavailable(`A stored credential was sealed with key "${keyId}", which CHANNELS_SECRET_KEYS no longer lists.`);
  }
  const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(workspaceId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretsUnavailable('A stored credential does not open with its key (wrong key or altered value).');
  }
}

/** Whether the value is sealed with the current (first) key. */
export const sealedWithCurrentKey = (keys: SecretKey[], sealed: string) => keys[0] != null && sealed.split('.')[1] === keys[0].id;
