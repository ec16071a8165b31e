// The country a workspace reads phone numbers in when they are written without +code ("(212) 555-0187").
import { isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client.js';

type Tx = Prisma.TransactionClient;

export const phoneCountryInput = z
  .string()
  .refine((value) => isSupportedCountry(value.toUpperCase()), 'Use a two-letter country code (ISO 3166-1), e.g. "US" or "DE".');

/** The country named or implied by the first fitting Accept-Language tag: "en-GB" is GB, "de" is DE. */
export function countryFromLocale(acceptLanguage: string | null | undefined): string | null {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim();
    if (!tag || tag === '*') continue;
    try {
      const region = new Intl.Locale(tag).maximize().region;
      if (region && isSupportedCountry(region)) return region;
    } catch {
      // not a language tag: try the next one
    }
  }
  return null;
}

/** The country to read numbers in: the input's own, else the workspace's default (looked up only when there are numbers). */
export async function phoneCountryFor(tx: Tx, workspaceId: string, explicit: string | null | undefined, hasNumbers: boolean): Promise<string | undefined> {
  if (explicit) return explicit;
  if (!hasNumbers) return undefined;
  const workspace = await tx.workspace.findUnique({ where: { id: workspaceId }, select: { defaultPhoneCountry: true } });
  return workspace?.defaultPhoneCountry ?? undefined;
}
