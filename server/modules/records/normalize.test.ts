import { describe, expect, it } from 'vitest';
import { normalizeCurrency, normalizeDomain, normalizePhone, normalizeProfileUrl, normalizeUrl } from './normalize.js';

describe('normalizers', () => {
  it.each([
    ['Example.com', 'example.com'],
    ['https://www.example.com/about?x=1', 'example.com'],
    ['http://sub.Example.co.uk', 'sub.example.co.uk'],
  ])('normalises the domain %s', (input, expected) => {
    expect(normalizeDomain(input)).toBe(expected);
  });

  it.each(['', 'not a domain', 'localhost', 'http://', 'exa mple.com'])('refuses the domain %j', (input) => {
    expect(() => normalizeDomain(input)).toThrow(/not a valid domain/);
  });

  it('adds a scheme to bare web addresses and refuses other schemes', () => {
    expect(normalizeUrl('acme.io/pricing')).toBe('https://acme.io/pricing');
    expect(() => normalizeUrl('javascript:alert(1)')).toThrow(/not a valid web address/);
    expect(() => normalizeUrl('ftp://acme.io')).toThrow(/not a valid web address/);
  });

  it.each([
    ['+1 (415) 555-0132', undefined, '+14155550132'],
    ['415.555.0132', 'US', '+14155550132'],
    ['+380 44 123 4567', undefined, '+380441234567'],
    ['0441234567', 'ua', '+380441234567'],
  ])('parses the phone %s to E.164', (input, country, expected) => {
    expect(normalizePhone(input, country)).toBe(expected);
  });

  it('refuses phone numbers that cannot be valid', () => {
    expect(() => normalizePhone('12345')).toThrow(/not a valid phone number/);
    expect(() => normalizePhone('4155550132')).toThrow(/include the country code/);
  });

  it('recognises the same profile however its URL is written', () => {
    const forms = ['https://www.linkedin.com/in/Ada-Lovelace/', 'linkedin.com/in/ada-lovelace?trk=public_profile', 'http://uk.linkedin.com/in/ada-lovelace'];
    const keys = new Set(forms.map((f) => normalizeProfileUrl(f).key));
    expect([...keys]).toEqual(['linkedin:in/ada-lovelace']);
    expect(normalizeProfileUrl(forms[0]!).network).toBe('LINKEDIN');
  });

  it('knows Upwork and Djinni profiles', () => {
    expect(normalizeProfileUrl('https://www.upwork.com/freelancers/~01abc?s=1').key).toBe('upwork:freelancers/~01abc');
    expect(normalizeProfileUrl('upwork.com/fl/~01ABC').key).toBe('upwork:freelancers/~01abc');
    expect(normalizeProfileUrl('https://djinni.co/q/5f1e2d/').key).toBe('djinni:q/5f1e2d');
    expect(normalizeProfileUrl('https://djinni.co/q/5f1e2d').network).toBe('DJINNI');
  });

  it('falls back to host and path for other sites', () => {
    expect(normalizeProfileUrl('https://www.Example.com/People/Ada/')).toMatchObject({ network: 'WEBSITE', key: 'web:example.com/people/ada' });
  });

  it('accepts ISO 4217 currencies only', () => {
    expect(normalizeCurrency(' eur ')).toBe('EUR');
    expect(() => normalizeCurrency('EURO')).toThrow(/ISO 4217/);
  });
});
