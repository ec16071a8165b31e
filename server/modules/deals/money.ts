// Amounts are integers of the currency's minor unit (cents, pence, yen), carried as strings end to end:
// a JavaScript number loses whole units past 2^53, and floats lose cents long before that.
import { z } from 'zod';

export const MAX_AMOUNT_DIGITS = 18;

export const minorUnitsInput = z
  .string()
  .trim()
  .regex(
    new RegExp(`^\\d{1,${MAX_AMOUNT_DIGITS}}$`),
    `Amounts are whole numbers of minor units (e.g. cents), 0 to ${MAX_AMOUNT_DIGITS} digits, without signs or separators.`,
  );

/** The number of minor-unit digits of an ISO 4217 currency: 2 for EUR, 0 for JPY, 3 for KWD. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** 123456n in EUR → "1234.56"; exact for any size. */
export function formatMinor(amount: bigint, currency: string): string {
  const digits = minorDigits(currency);
  const sign = amount < 0n ? '-' : '';
  const text = (amount < 0n ? -amount : amount).toString().padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
