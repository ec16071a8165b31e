import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture } from '../../test/fixtures.js';
import { errorCodes, expectBadInput, useTestApp } from '../../test/test-app.js';
import { CONTACT_FIELDS, createContactAs } from './contact.test-helpers.js';

const getApp = useTestApp();

const CREATE = `mutation($input: ContactInput!) { createContact(input: $input) { ${CONTACT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: ContactInput!) { updateContact(id: $id, input: $input) { ${CONTACT_FIELDS} } }`;
const BY_PROFILE = `query($url: String!) { contactByProfileUrl(url: $url) { id name } }`;
const BY_EMAIL = `query($email: String!) { contactByEmail(email: $email) { id name } }`;

describe('contacts: create and update', () => {
  it('creates a contact with emails, phones, profiles, company and tags, owned by its creator', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const company = await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Globex' } });
    const tag = await app.prisma.tag.create({ data: { workspaceId: f.workspaceId, name: 'vip' } });
    await app.prisma.customField.create({ data: { workspaceId: f.workspaceId, entity: 'CONTACT', key: 'shoeSize', label: 'Shoe size', type: 'NUMBER' } });
    const contact = await createContactAs(f, 'MEMBER', {
      firstName: ' Ada ',
      lastName: 'Lovelace',
      jobTitle: 'Analyst',
      emails: [' Ada@Example.com ', 'ada@work.example'],
      phones: [{ number: '+1 (415) 555-0132', label: 'work' }, { number: '044 123 4567' }],
      phoneCountry: 'UA',
      profileUrls: ['https://www.linkedin.com/in/Ada-Lovelace/', 'github.com/ada'],
      skills: ['Math', ' Engines ', 'math'],
      lifecycleStage: 'QUALIFIED',
      companyId: globalId('Company', company.id),
      tagIds: [globalId('Tag', tag.id)],
      customFields: [{ key: 'shoeSize', number: 38 }],
    });
    expect(contact).toMatchObject({
      name: 'Ada Lovelace',
      firstName: 'Ada',
      jobTitle: 'Analyst',
      primaryEmail: 'ada@example.com',
      emails: [
        { email: 'ada@example.com', isPrimary: true },
        { email: 'ada@work.example', isPrimary: false },
      ],
      phones: [
        { e164: '+14155550132', label: 'work', isPrimary: true },
        { e164: '+380441234567', label: null, isPrimary: false },
      ],
      profiles: [
        { network: 'LINKEDIN', url: 'https://www.linkedin.com/in/Ada-Lovelace/' },
        { network: 'GITHUB', url: 'https://github.com/ada' },
      ],
      skills: ['Math', 'Engines'],
      lifecycleStage: 'QUALIFIED',
      company: { name: 'Globex' },
      tags: [{ name: 'vip' }],
      owner: { name: 'Member Person' },
      createdBy: { name: 'Member Person' },
      customFields: [{ field: { key: 'shoeSize' }, number: 38 }],
      visibility: 'WORKSPACE',
    });
  });

  it('recognises the same LinkedIn profile however it is written, and finds contacts by email in any case', async () => {
    const f = await rolesFixture(getApp());
    const ada = await createContactAs(f, 'MEMBER', {
      firstName: 'Ada',
      emails: ['ada@example.com'],
      profileUrls: ['linkedin.com/in/ada-lovelace?trk=public_profile'],
    });
    for (const url of ['https://www.linkedin.com/in/Ada-Lovelace/', 'http://uk.linkedin.com/in/ada-lovelace', 'linkedin.com/in/ADA-LOVELACE']) {
      expect((await f.clients.VIEWER.ok(BY_PROFILE, { url })).contactByProfileUrl).toEqual({ id: ada.id, name: 'Ada' });
    }
    expect((await f.clients.VIEWER.ok(BY_PROFILE, { url: 'https://linkedin.com/in/someone-else' })).contactByProfileUrl).toBeNull();
    expect((await f.clients.VIEWER.ok(BY_EMAIL, { email: ' ADA@example.COM ' })).contactByEmail).toEqual({ id: ada.id, name: 'Ada' });
    expect((await f.clients.VIEWER.ok(BY_EMAIL, { email: 'nobody@example.com' })).contactByEmail).toBeNull();
    expect(errorCodes(await f.clients.VIEWER.gql(BY_EMAIL, { email: 'not an email' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await f.clients.VIEWER.gql(BY_PROFILE, { url: 'javascript:alert(1)' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses an email another contact has, even in the trash, naming it and writing nothing', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const first = await createContactAs(f, 'MEMBER', { firstName: 'Ada', emails: ['ada@example.com'] });
    await f.clients.MEMBER.ok(`mutation($id: ID!) { deleteContact(id: $id) { id } }`, { id: first.id });

    const result = await f.clients.MEMBER.gql(CREATE, {
      input: { firstName: 'Imposter', emails: ['new@example.com', 'ADA@example.com'], phones: [{ number: '+14155550132' }] },
    });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(/ada@example\.com already belongs to another contact.*trash/);
    expect(await app.prisma.contact.count()).toBe(1);
    expect(await app.prisma.contactEmail.count()).toBe(1);
    expect(await app.prisma.contactPhone.count()).toBe(0);
  });

  it.each([
    ['no name', { firstName: ' ', lastName: ' ' }, 'input.firstName'],
    ['a garbage phone', { phones: [{ number: 'call me maybe' }] }, 'input.phones.0.number'],
    ['a phone without country code', { phones: [{ number: '4155550132' }] }, 'input.phones.0.number'],
    ['a bad email', { emails: ['ada@'] }, 'input.emails.0'],
    ['a bad profile URL', { profileUrls: ['javascript:alert(1)'] }, 'input.profileUrls.0'],
    ['too many skills', { skills: Array.from({ length: 51 }, (_, i) => `s${i}`) }, 'input.skills'],
    ['a skill that is too long', { skills: ['x'.repeat(51)] }, 'input.skills.0'],
    ['a company from another workspace', { companyId: 'FOREIGN_COMPANY' }, 'input.companyId'],
    ['a company in the trash', { companyId: 'TRASHED_COMPANY' }, 'input.companyId'],
    ['a tag from another workspace', { tagIds: ['FOREIGN_TAG'] }, 'input.tagIds'],
    ['an owner who is not a member', { ownerId: 'OUTSIDER' }, 'input.ownerId'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_label, input, field) => {
    const app = getApp();
    const f = await rolesFixture(app);
    const otherWorkspaceId = (await app.prisma.membership.findFirstOrThrow({ where: { userId: f.users.OUTSIDER.id } })).workspaceId;
    const foreignCompany = await app.prisma.company.create({ data: { workspaceId: otherWorkspaceId, name: 'Elsewhere Inc' } });
    const trashedCompany = await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Gone', deletedAt: new Date() } });
    const foreignTag = await app.prisma.tag.create({ data: { workspaceId: otherWorkspaceId, name: 'x' } });
    const swaps: Record<string, string> = {
      FOREIGN_COMPANY: globalId('Company', foreignCompany.id),
      TRASHED_COMPANY: globalId('Company', trashedCompany.id),
      FOREIGN_TAG: globalId('Tag', foreignTag.id),
      OUTSIDER: globalId('User', f.users.OUTSIDER.id),
    };
    const resolved = JSON.parse(JSON.stringify({ firstName: 'Ada', ...input }), (_k, v) => (typeof v === 'string' && swaps[v]) || v);
    const result = await f.clients.MEMBER.gql(CREATE, { input: resolved });
    expectBadInput(result, field);
    expect(await app.prisma.contact.count()).toBe(0);
  });

  it('replaces given lists on update and leaves the others alone', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const ada = await createContactAs(f, 'MEMBER', {
      firstName: 'Ada',
      emails: ['ada@example.com', 'ada@work.example'],
      phones: [{ number: '+14155550132' }],
      profileUrls: ['github.com/ada'],
      skills: ['Math'],
    });
    const switched = (await f.clients.MEMBER.ok(UPDATE, { id: ada.id, input: { primaryEmail: 'ada@work.example', jobTitle: 'Countess' } })).updateContact;
    expect(switched).toMatchObject({ primaryEmail: 'ada@work.example', jobTitle: 'Countess', phones: [{ e164: '+14155550132' }], skills: ['Math'] });
    expect(switched.emails).toHaveLength(2);

    const replaced = (
      await f.clients.MEMBER.ok(UPDATE, {
        id: ada.id,
        input: { emails: ['ada@example.com'], phones: [{ number: '+442071838750', label: 'London' }], profileUrls: [], skills: null, jobTitle: null },
      })
    ).updateContact;
    expect(replaced).toMatchObject({
      primaryEmail: 'ada@example.com',
      emails: [{ email: 'ada@example.com', isPrimary: true }],
      phones: [{ e164: '+442071838750', label: 'London', isPrimary: true }],
      profiles: [],
      skills: [],
      jobTitle: null,
    });
    expect(await app.prisma.contactEmail.count()).toBe(1);

    // A contact keeps its own emails when re-sent; another contact cannot take them.
    await f.clients.MEMBER.ok(UPDATE, { id: ada.id, input: { emails: ['ADA@example.com', 'ada@new.example'] } });
    const grace = await createContactAs(f, 'MEMBER', { firstName: 'Grace' });
    const taken = await f.clients.MEMBER.gql(UPDATE, { id: grace.id, input: { emails: ['ada@new.example'] } });
    expect(errorCodes(taken)).toEqual(['BAD_USER_INPUT']);
    expect(taken.errors?.[0]?.message).toMatch(/ada@new\.example/);
    expect(errorCodes(await f.clients.MEMBER.gql(UPDATE, { id: ada.id, input: { firstName: '', lastName: null } }))).toEqual(['BAD_USER_INPUT']);
  });
});
