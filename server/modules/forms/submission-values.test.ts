import { describe, expect, it } from 'vitest';
import { formFieldsSchema } from './form-definition.js';
import { checkSubmission, honeypotFilled } from './submission-values.js';

const fields = formFieldsSchema.parse([
  { key: 'email', label: 'Email', type: 'EMAIL', required: true, mapsTo: 'EMAIL' },
  { key: 'constructor', label: 'A key that objects inherit', type: 'TEXT', mapsTo: 'NOTE' },
  { key: 'consent', label: 'I agree', type: 'CHECKBOX', required: true, mapsTo: 'CUSTOM', customKey: 'consent' },
  { key: 'news', label: 'News', type: 'CHECKBOX', mapsTo: 'CUSTOM', customKey: 'news' },
]);

describe('checkSubmission', () => {
  it('trims and lowercases the email, reads checkbox spellings, and ignores inherited keys', () => {
    expect(checkSubmission(fields, { email: '  Ada@Example.COM ', consent: 'on' })).toEqual({
      ok: true,
      values: { email: 'ada@example.com', consent: true, news: false },
    });
    expect(checkSubmission(fields, { email: 'a@b.co', consent: true, news: 'yes', constructor: ' hi ' })).toEqual({
      ok: true,
      values: { email: 'a@b.co', consent: true, news: true, constructor: 'hi' },
    });
  });

  it('requires a required checkbox to be ticked and refuses nested values', () => {
    expect(checkSubmission(fields, { email: 'a@b.co', consent: 'false', news: { x: 1 } })).toEqual({
      ok: false,
      errors: [
        { field: 'consent', message: 'This box must be checked.' },
        { field: 'news', message: 'Send a single value.' },
      ],
    });
  });

  it('sees a filled honeypot, and only a filled one', () => {
    expect(honeypotFilled({ website_url: 'http://x' })).toBe(true);
    expect(honeypotFilled({ website_url: '  ' })).toBe(false);
    expect(honeypotFilled({})).toBe(false);
  });
});
