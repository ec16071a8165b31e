import { createHash } from 'node:crypto';
import { alphabet, generateRandomString } from 'oslo/crypto';

/** A URL-safe secret with 200+ bits of entropy, for links sent by email. */
export function generateSecretToken(): string {
  return generateRandomString(40, alphabet('a-z', 'A-Z', '0-9'));
}

/**
 * Secrets are only ever stored as this hash (SHA-256, lowercase hex). node:crypto's synchronous hash: every
 * authenticated request hashes its session id, and WebCrypto's digest is a job on another thread per call.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
