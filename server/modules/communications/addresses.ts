import { z } from 'zod';
import { badInput } from '../../errors.js';
import type { CommunicationKind } from '../../generated/prisma/enums.js';
import { normalizePhone } from '../records/normalize.js';

const email = z.email();

/** An email address (lower-cased) for EMAIL, a phone number in E.164 for SMS and CALL. */
export function normalizeAddress(kind: CommunicationKind, value: string, field: string, phoneCountry?: string | null): string {
  const trimmed = value.trim();
  if (kind === 'EMAIL') {
    if (!email.safeParse(trimmed).success) throw badInput(`"${value}" is not a valid email address.`, field);
    return trimmed.toLowerCase();
  }
  return normalizePhone(trimmed, phoneCountry ?? undefined, field);
}
