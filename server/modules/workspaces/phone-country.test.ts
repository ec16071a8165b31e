import { describe, expect, it } from 'vitest';
import { rolesFixture, signUpInput } from '../../test/fixtures.js';
import { errorCodes, useTestApp } from '../../test/test-app.js';
import { countryFromLocale } from './phone-country.js';

const getApp = useTestApp();

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { id } }`;
const SET = `mutation($c: String) { setWorkspacePhoneCountry(country: $c) { defaultPhoneCountry } }`;
const CREATE_CONTACT = `mutation($n: String!) { createContact(input: { firstName: "Nat", phones: [{ number: $n }] }) { phones { e164 } } }`;

describe("a workspace's phone country", () => {
  it('is guessed from the creator’s Accept-Language at sign-up and when creating a workspace, or given', async () => {
    const app = getApp();
    const client = app.client();
    const countryOf = (workspaceName: string) => app.prisma.workspace.findFirstOrThrow({ where: { name: workspaceName } }).then((w) => w.defaultPhoneCountry);
    await client.gql(SIGN_UP, { input: signUpInput() }, { 'accept-language': 'de-AT,de;q=0.9,en;q=0.5' });
    expect(await countryOf('Analytical Engines')).toBe('AT');
    await app
      .client()
      .gql(SIGN_UP, { input: signUpInput({ email: 'grace@example.com', workspaceName: 'Given', defaultPhoneCountry: 'gb' }) }, { 'accept-language': 'fr-FR' });
    expect(await countryOf('Given')).toBe('GB');
    await app.prisma.user.update({ where: { email: 'ada@example.com' }, data: { emailVerifiedAt: new Date() } });
    const created = await client.gql(`mutation { createWorkspace(name: "Paris") { defaultPhoneCountry } }`, {}, { 'accept-language': 'fr' });
    expect(created.data?.createWorkspace).toEqual({ defaultPhoneCountry: 'FR' });
    const refused = await app.client().gql(SIGN_UP, { input: signUpInput({ email: 'x@example.com', defaultPhoneCountry: 'XX' }) });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(await app.prisma.user.count({ where: { email: 'x@example.com' } })).toBe(0);

    expect(countryFromLocale('en')).toBe('US');
    expect(countryFromLocale('*, not a tag')).toBeNull();
    expect(countryFromLocale(null)).toBeNull();
  });

  it('reads national numbers, is set by admins only, and a number without one still needs its +code', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { OWNER, ADMIN, MEMBER } = f.clients;
    expect(errorCodes(await MEMBER.gql(CREATE_CONTACT, { n: '(212) 555-0187' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await MEMBER.gql(SET, { c: 'US' }))).toEqual(['FORBIDDEN']);
    expect((await ADMIN.ok(SET, { c: 'us' })).setWorkspacePhoneCountry).toEqual({ defaultPhoneCountry: 'US' });
    expect((await MEMBER.ok(CREATE_CONTACT, { n: '(212) 555-0187' })).createContact.phones).toEqual([{ e164: '+12125550187' }]);
    const company = await MEMBER.ok(`mutation { createCompany(input: { name: "Local", phone: "212 555 0100" }) { phone } }`);
    expect(company.createCompany.phone).toBe('+12125550100');
    // The input's own country wins over the workspace's.
    const british = await MEMBER.ok(
      `mutation { createContact(input: { firstName: "Brit", phoneCountry: "GB", phones: [{ number: "020 7946 0958" }] }) { phones { e164 } } }`,
    );
    expect(british.createContact.phones).toEqual([{ e164: '+442079460958' }]);
    expect(errorCodes(await OWNER.gql(SET, { c: 'Narnia' }))).toEqual(['BAD_USER_INPUT']);
    await OWNER.ok(SET, { c: null });
    expect(errorCodes(await MEMBER.gql(CREATE_CONTACT, { n: '(212) 555-0187' }))).toEqual(['BAD_USER_INPUT']);
  });
});
