import { describe, expect, it } from 'vitest';
import { formatMinor, minorUnitsInput } from './money.js';

describe('money', () => {
  it.each([
    [123456n, 'EUR', '1234.56'],
    [5n, 'USD', '0.05'],
    [0n, 'USD', '0.00'],
    [1234567890123n, 'USD', '12345678901.23'],
    [999_999_999_999_999_999n, 'USD', '9999999999999999.99'],
    [1500n, 'JPY', '1500'],
    [1500n, 'KWD', '1.500'],
  ])('formats %s minor units of %s as %s', (amount, currency, expected) => {
    expect(formatMinor(amount, currency)).toBe(expected);
  });

  it('accepts whole minor units only', () => {
    expect(minorUnitsInput.parse(' 0042 ')).toBe('0042');
    for (const bad of ['1.5', '-3', '1e9', '', '1,000', '1234567890123456789']) {
      expect(minorUnitsInput.safeParse(bad).success).toBe(false);
    }
  });
});
