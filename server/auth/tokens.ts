import { sha256 } from 'oslo/crypto';
import { alphabet, generateRandomString } from 'oslo/crypto';
import { encodeHex } from 'oslo/encoding';

/** A URL-safe secret with 200+ bits of entropy, for links sent by email. */
export function generateSecretToken(): string {
  return generateRandomString(40, alphabet('a-z', 'A-Z', '0-9'));
}

/** Secrets are only ever stored as this hash. */
export async function hashToken(token: string): Promise<string> {
  return encodeHex(await sha256(new TextEncoder().encode(token)));
}
