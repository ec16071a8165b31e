import { describe, expect, it } from 'vitest';
import { fieldShown, formFromFields, profileInput } from './clip-form.js';

const read = formFromFields({
  name: { value: 'Ada Lovelace', source: 'json-ld' },
  firstName: { value: 'Ada', source: 'json-ld' },
  lastName: { value: 'Lovelace', source: 'json-ld' },
  company: { value: 'Analytical Engines Ltd', source: 'json-ld' },
  photoUrl: { value: 'https://media.example/ada.jpg', source: 'json-ld' },
  skills: { value: ['Mathematics', 'Poetry'], source: 'embedded' },
  experienceYears: { value: 4.5, source: 'semantic' },
});

describe('the popup form', () => {
  it('keeps each field with its source, lists one per line', () => {
    expect(read.form).toMatchObject({ firstName: 'Ada', skills: 'Mathematics\nPoetry', experienceYears: '4.5', emails: '' });
    expect(read.sources).toMatchObject({ firstName: 'json-ld', skills: 'embedded', experienceYears: 'semantic' });
    expect(read.sources.emails).toBeUndefined();
  });

  it('sends the photo only when the person opted in, and the corrected values', () => {
    const form = { ...read.form, headline: '  Enchantress of numbers ', emails: 'ada@example.com\n\n countess@example.com ', experienceYears: '5,5' };
    const without = profileInput('https://www.linkedin.com/in/ada/', form, false, 'engines.example');
    expect(without).toMatchObject({
      url: 'https://www.linkedin.com/in/ada/',
      firstName: 'Ada',
      headline: 'Enchantress of numbers',
      emails: ['ada@example.com', 'countess@example.com'],
      skills: ['Mathematics', 'Poetry'],
      experienceYears: 5.5,
      companyName: 'Analytical Engines Ltd',
      companyDomain: 'engines.example',
      photoUrl: null,
      phones: null,
    });
    expect(profileInput('https://www.linkedin.com/in/ada/', form, true).photoUrl).toBe('https://media.example/ada.jpg');
    // A company the person cleared is not sent, nor its domain.
    expect(profileInput('https://www.linkedin.com/in/ada/', { ...form, company: ' ' }, false, 'engines.example')).toMatchObject({
      companyName: null,
      companyDomain: null,
    });
  });

  it('shows each site its own fields, and others only when the page gave them', () => {
    expect(fieldShown('LINKEDIN', 'experience', '', false)).toBe(true);
    expect(fieldShown('LINKEDIN', 'hourlyRate', '', false)).toBe(false);
    expect(fieldShown('UPWORK', 'hourlyRate', '', false)).toBe(true);
    expect(fieldShown('LINKEDIN', 'skills', 'Mathematics', false)).toBe(true);
    expect(fieldShown('DJINNI', 'photoUrl', 'https://x', false)).toBe(false);
    expect(fieldShown('DJINNI', 'photoUrl', '', true)).toBe(true);
  });
});
