import { describe, expect, it } from 'vitest';
import { rolesFixture, signUpThroughApi } from '../../test/fixtures.js';
import { errorCodes, useTestApp } from '../../test/test-app.js';

const getApp = useTestApp();

const PREFERENCES = `{ me { preferences { theme fontFamily fontSize } } }`;
const UPDATE_PREFERENCES = `mutation($input: PreferencesInput!) { updatePreferences(input: $input) { preferences { theme fontFamily fontSize } } }`;
const UPDATE_PROFILE = `mutation($name: String!) { updateProfile(name: $name) { name } }`;

const DEFAULTS = { theme: 'SYSTEM', fontFamily: 'system', fontSize: 14 };

async function storedPreferences() {
  const user = await getApp().prisma.user.findFirstOrThrow({ where: { email: 'ada@example.com' } });
  return { theme: user.theme, fontFamily: user.fontFamily, fontSize: user.fontSize };
}

describe('preferences', () => {
  it('start at the system theme and font, size 14', async () => {
    const { client } = await signUpThroughApi(getApp());
    expect(await client.ok(PREFERENCES)).toEqual({ me: { preferences: DEFAULTS } });
  });

  it('change only in the fields given', async () => {
    const { client } = await signUpThroughApi(getApp());

    const dark = await client.ok(UPDATE_PREFERENCES, { input: { theme: 'DARK' } });
    expect(dark.updatePreferences.preferences).toEqual({ ...DEFAULTS, theme: 'DARK' });

    const larger = await client.ok(UPDATE_PREFERENCES, { input: { fontSize: 18, fontFamily: 'dyslexic' } });
    expect(larger.updatePreferences.preferences).toEqual({ theme: 'DARK', fontFamily: 'dyslexic', fontSize: 18 });

    await client.ok(UPDATE_PREFERENCES, { input: { theme: null } });
    expect(await client.ok(PREFERENCES)).toEqual({ me: { preferences: { theme: 'DARK', fontFamily: 'dyslexic', fontSize: 18 } } });
  });

  it.each([10, 28])('accept the font size %i at the edge of the range', async (fontSize) => {
    const { client } = await signUpThroughApi(getApp());
    expect((await client.ok(UPDATE_PREFERENCES, { input: { fontSize } })).updatePreferences.preferences.fontSize).toBe(fontSize);
  });

  it.each([
    ['an unknown font family', { fontFamily: 'comic-sans' }, 'input.fontFamily'],
    ['a font size below 10', { fontSize: 9 }, 'input.fontSize'],
    ['a font size above 28', { fontSize: 29 }, 'input.fontSize'],
  ])('refuse %s with BAD_USER_INPUT and write nothing, not even the valid fields', async (_label, invalid, field) => {
    const { client } = await signUpThroughApi(getApp());

    const result = await client.gql(UPDATE_PREFERENCES, { input: { theme: 'DARK', ...invalid } });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe(field);
    expect(await storedPreferences()).toEqual(DEFAULTS);
  });

  it('are private to their owner, even within a shared workspace', async () => {
    const { clients } = await rolesFixture(getApp());
    const members = `{ workspace { members { user { email preferences { theme } } } } }`;

    const result = await clients.OWNER.gql(members);
    expect(new Set(errorCodes(result))).toEqual(new Set(['FORBIDDEN']));
    expect(result.errors!.every((e) => e.path?.at(-1) === 'preferences')).toBe(true);
    expect(JSON.stringify(result.data ?? null)).not.toContain('SYSTEM');
    expect((await clients.MEMBER.ok(PREFERENCES)).me.preferences.theme).toBe('SYSTEM');
  });
});

describe('updateProfile', () => {
  it('changes the name, trimmed', async () => {
    const { client } = await signUpThroughApi(getApp());
    expect(await client.ok(UPDATE_PROFILE, { name: '  Augusta Ada King  ' })).toEqual({ updateProfile: { name: 'Augusta Ada King' } });
    expect(await client.ok(`{ me { name } }`)).toEqual({ me: { name: 'Augusta Ada King' } });
  });

  it.each([
    ['a blank name', '   '],
    ['a name over 100 characters', 'x'.repeat(101)],
  ])('refuses %s and keeps the old one', async (_label, name) => {
    const { client } = await signUpThroughApi(getApp());
    const result = await client.gql(UPDATE_PROFILE, { name });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe('name');
    expect(await client.ok(`{ me { name } }`)).toEqual({ me: { name: 'Ada Lovelace' } });
  });
});

describe('signed out', () => {
  it('`me` is null', async () => {
    expect(await getApp().client().gql(`{ me { id email } }`)).toEqual({ data: { me: null } });
  });

  it.each([
    ['updatePreferences', UPDATE_PREFERENCES, { input: { theme: 'DARK' } }],
    ['updateProfile', UPDATE_PROFILE, { name: 'Mallory' }],
  ])('%s answers UNAUTHENTICATED and changes nothing', async (_label, mutation, variables) => {
    await signUpThroughApi(getApp());
    const result = await getApp().client().gql(mutation, variables);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    const ada = await getApp().prisma.user.findFirstOrThrow();
    expect({ name: ada.name, theme: ada.theme }).toEqual({ name: 'Ada Lovelace', theme: 'SYSTEM' });
  });
});
