import { generateSecretToken, hashToken } from '../../auth/tokens.js';
import { badInput } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { AuthTokenPurpose } from '../../generated/prisma/enums.js';

type Tx = Prisma.TransactionClient;

const LIFETIME_MS: Record<AuthTokenPurpose, number> = {
  EMAIL_VERIFICATION: 24 * 60 * 60 * 1000,
  EMAIL_CHANGE: 24 * 60 * 60 * 1000,
  PASSWORD_RESET: 60 * 60 * 1000,
};

/** Issues a fresh token for the purpose, retiring any earlier unused one. Returns the secret to email. */
export async function issueAuthToken(tx: Tx, userId: string, purpose: AuthTokenPurpose, newEmail: string | null = null): Promise<string> {
  await tx.authToken.deleteMany({ where: { userId, purpose, usedAt: null } });
  const token = generateSecretToken();
  await tx.authToken.create({
    data: {
      userId,
      purpose,
      newEmail,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + LIFETIME_MS[purpose]),
    },
  });
  return token;
}

const invalidLink = () => badInput('This link is invalid or has expired. Ask for a new one.', 'token');

/** The token's row if it could be used now, without using it; a missing, expired, reused or wrong-purpose token is refused. */
export async function findUsableAuthToken(tx: Tx, token: string, purpose: AuthTokenPurpose) {
  const row = await tx.authToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= new Date()) throw invalidLink();
  return row;
}

/** Marks a token used exactly once; a missing, expired, reused or wrong-purpose token is refused. */
export async function consumeAuthToken(tx: Tx, token: string, purpose: AuthTokenPurpose) {
  const row = await findUsableAuthToken(tx, token, purpose);
  const claimed = await tx.authToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
  if (claimed.count !== 1) throw invalidLink();
  return row;
}

/** Withdraws the user's unused links of these purposes, so they stop working. */
export async function retireAuthTokens(tx: Tx, userId: string, purposes: AuthTokenPurpose[]): Promise<void> {
  await tx.authToken.deleteMany({ where: { userId, purpose: { in: purposes }, usedAt: null } });
}
