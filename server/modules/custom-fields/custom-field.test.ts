import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture, type RolesFixture } from '../../test/fixtures.js';
import { useTestApp, type GqlResult, type TestApp } from '../../test/test-app.js';
import { importRow, runDueJobs, START } from '../imports/imports.test-helpers.js';
import { purgeTrash } from '../records/trash-purge.js';

const getApp = useTestApp();

const CREATE_FIELD = `mutation($input: CreateCustomFieldInput!) { createCustomField(input: $input) { id key type options { id label } } }`;
const VALUES = `customFields { field { key } __typename
  ... on CustomTextValue { text } ... on CustomNumberValue { number } ... on CustomCurrencyValue { amount currency }
  ... on CustomDateValue { date } ... on CustomDateTimeValue { dateTime } ... on CustomCheckboxValue { checked }
  ... on CustomSelectValue { option { label } } ... on CustomMultiSelectValue { options { label } } ... on CustomMemberValue { member { name } } }`;
const CREATE_CONTACT = `mutation($input: ContactInput!) { createContact(input: $input) { id ${VALUES} } }`;
const UPDATE_CONTACT = `mutation($id: ID!, $input: ContactInput!) { updateContact(id: $id, input: $input) { id ${VALUES} } }`;
const LIST = `query($filter: ContactFilter, $customSort: CustomFieldSort, $first: Int, $after: String) {
  contacts(filter: $filter, customSort: $customSort, first: $first, after: $after) { totalCount edges { node { firstName } } pageInfo { hasNextPage endCursor } } }`;

type Field = { id: string; key: string; type: string; options: Array<{ id: string; label: string }> };

async function field(f: RolesFixture, input: Record<string, unknown>): Promise<Field> {
  return (await f.clients.ADMIN.ok<{ createCustomField: Field }>(CREATE_FIELD, { input: { entity: 'CONTACT', ...input } })).createCustomField;
}

/** One field of every type on the fixture's contacts. */
async function everyType(f: RolesFixture) {
  const tier = await field(f, { key: 'tier', label: 'Tier', type: 'SELECT', options: [{ label: 'Gold', colour: 'yellow' }, { label: 'Silver' }] });
  const langs = await field(f, { key: 'langs', label: 'Languages', type: 'MULTI_SELECT', options: [{ label: 'EN' }, { label: 'FR' }, { label: 'DE' }] });
  for (const [key, type] of [
    ['nick', 'TEXT'],
    ['bio', 'LONG_TEXT'],
    ['shoe', 'NUMBER'],
    ['budget', 'CURRENCY'],
    ['renewal', 'DATE'],
    ['call', 'DATETIME'],
    ['vip', 'CHECKBOX'],
    ['site', 'URL'],
    ['mail', 'EMAIL'],
    ['tel', 'PHONE'],
    ['buddy', 'MEMBER'],
  ] as const) {
    await field(f, { key, label: key[0]!.toUpperCase() + key.slice(1), type });
  }
  const opt = (fld: Field, label: string) => fld.options.find((o) => o.label === label)!.id;
  return { tier, langs, opt };
}

const codeAndField = (result: GqlResult) => result.errors?.map((e) => [e.extensions?.code, e.extensions?.field]);

describe('custom fields: typed values', () => {
  it('stores and reads a value of every type, and refuses values that do not fit their field, naming it', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { tier, langs, opt } = await everyType(f);
    const input = {
      firstName: 'Ada',
      customFields: [
        { key: 'nick', text: ' Countess ' },
        { key: 'bio', text: 'Wrote the first program.' },
        { key: 'shoe', number: 38.5 },
        { key: 'budget', amount: 1200.5, currency: 'eur' },
        { key: 'renewal', date: '2027-01-31' },
        { key: 'call', dateTime: '2026-12-24T09:30:00.000Z' },
        { key: 'vip', checked: true },
        { key: 'site', text: 'https://ada.example' },
        { key: 'mail', text: 'ada@example.com' },
        { key: 'tel', text: '+44 20 7946 0958' },
        { key: 'buddy', memberId: globalId('User', f.users.MEMBER.id) },
        { key: 'tier', optionId: opt(tier, 'Gold') },
        { key: 'langs', optionIds: [opt(langs, 'FR'), opt(langs, 'EN')] },
      ],
    };
    const { createContact } = await f.clients.MEMBER.ok(CREATE_CONTACT, { input });
    expect(createContact.customFields).toEqual([
      { field: { key: 'tier' }, __typename: 'CustomSelectValue', option: { label: 'Gold' } },
      { field: { key: 'langs' }, __typename: 'CustomMultiSelectValue', options: [{ label: 'EN' }, { label: 'FR' }] },
      { field: { key: 'nick' }, __typename: 'CustomTextValue', text: 'Countess' },
      { field: { key: 'bio' }, __typename: 'CustomTextValue', text: 'Wrote the first program.' },
      { field: { key: 'shoe' }, __typename: 'CustomNumberValue', number: 38.5 },
      { field: { key: 'budget' }, __typename: 'CustomCurrencyValue', amount: 1200.5, currency: 'EUR' },
      { field: { key: 'renewal' }, __typename: 'CustomDateValue', date: '2027-01-31' },
      { field: { key: 'call' }, __typename: 'CustomDateTimeValue', dateTime: '2026-12-24T09:30:00.000Z' },
      { field: { key: 'vip' }, __typename: 'CustomCheckboxValue', checked: true },
      { field: { key: 'site' }, __typename: 'CustomTextValue', text: 'https://ada.example' },
      { field: { key: 'mail' }, __typename: 'CustomTextValue', text: 'ada@example.com' },
      { field: { key: 'tel' }, __typename: 'CustomTextValue', text: '+44 20 7946 0958' },
      { field: { key: 'buddy' }, __typename: 'CustomMemberValue', member: { name: 'Member Person' } },
    ]);
    const stored = await app.prisma.contact.findUniqueOrThrow({ where: { id: (await app.prisma.contact.findFirstOrThrow()).id } });
    expect(stored.customFields).toMatchObject({ shoe: 38.5, renewal: '2027-01-31', budget: { amount: 1200.5, currency: 'EUR' }, buddy: f.users.MEMBER.id });

    const outsiderWorkspace = (await app.prisma.membership.findFirstOrThrow({ where: { userId: f.users.OUTSIDER.id } })).workspaceId;
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ key: 'nope', text: 'x' }, 'input.customFields.0'],
      [{ key: 'shoe', text: '38' }, 'input.customFields.0'],
      [{ key: 'nick', number: 1 }, 'input.customFields.0'],
      [{ key: 'budget', amount: 5 }, 'input.customFields.0'],
      [{ key: 'budget', amount: 5, currency: 'E1R' }, 'input.customFields.0'],
      [{ key: 'site', text: 'javascript:alert(1)' }, 'input.customFields.0'],
      [{ key: 'mail', text: 'not an email' }, 'input.customFields.0'],
      [{ key: 'tel', text: 'call me' }, 'input.customFields.0'],
      [{ key: 'tier', optionId: 'no-such-option' }, 'input.customFields.0'],
      [{ key: 'langs', optionIds: [opt(langs, 'EN'), 'nope'] }, 'input.customFields.0'],
      [{ key: 'buddy', memberId: globalId('User', f.users.OUTSIDER.id) }, 'input.customFields.0'],
      [{ key: 'vip', checked: true, text: 'yes' }, 'input.customFields.0'],
    ];
    for (const [value, path] of bad) {
      const result = await f.clients.MEMBER.gql(CREATE_CONTACT, { input: { firstName: 'Bad', customFields: [value] } });
      expect({ value, errors: codeAndField(result) }).toEqual({ value, errors: [['BAD_USER_INPUT', path]] });
    }
    // A field of another workspace is no field here.
    await app.prisma.customField.create({ data: { workspaceId: outsiderWorkspace, entity: 'CONTACT', key: 'secret', label: 'Secret', type: 'TEXT' } });
    expect(codeAndField(await f.clients.MEMBER.gql(CREATE_CONTACT, { input: { firstName: 'Bad', customFields: [{ key: 'secret', text: 'x' }] } }))).toEqual([
      ['BAD_USER_INPUT', 'input.customFields.0'],
    ]);
    expect(await app.prisma.contact.count({ where: { firstName: 'Bad' } })).toBe(0);

    // Clearing: a key without an operand removes the value; other values stay.
    const { updateContact } = await f.clients.MEMBER.ok(UPDATE_CONTACT, {
      id: createContact.id,
      input: { customFields: [{ key: 'nick' }, { key: 'shoe', number: 39 }] },
    });
    expect(updateContact.customFields.map((v: { field: { key: string } }) => v.field.key)).not.toContain('nick');
    expect(updateContact.customFields).toContainEqual({ field: { key: 'shoe' }, __typename: 'CustomNumberValue', number: 39 });
    const event = await app.prisma.activityEvent.findFirstOrThrow({ where: { entityType: 'Contact', verb: 'updated' }, orderBy: { sequence: 'desc' } });
    expect(event.changes).toMatchObject({ customFields: ['nick', 'shoe'] });
  });

  it('enforces required and unique fields', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await field(f, { key: 'badge', label: 'Badge', type: 'TEXT', required: true, unique: true });
    expect(codeAndField(await f.clients.MEMBER.gql(CREATE_CONTACT, { input: { firstName: 'A' } }))).toEqual([['BAD_USER_INPUT', 'input.customFields']]);
    const { createContact } = await f.clients.MEMBER.ok(CREATE_CONTACT, { input: { firstName: 'A', customFields: [{ key: 'badge', text: 'B-1' }] } });
    expect(codeAndField(await f.clients.MEMBER.gql(CREATE_CONTACT, { input: { firstName: 'B', customFields: [{ key: 'badge', text: 'B-1' }] } }))).toEqual([
      ['BAD_USER_INPUT', 'input.customFields.0'],
    ]);
    expect(codeAndField(await f.clients.MEMBER.gql(UPDATE_CONTACT, { id: createContact.id, input: { customFields: [{ key: 'badge' }] } }))).toEqual([
      ['BAD_USER_INPUT', 'input.customFields'],
    ]);
    // Updating the record itself with its own value is no clash.
    await f.clients.MEMBER.ok(UPDATE_CONTACT, { id: createContact.id, input: { customFields: [{ key: 'badge', text: 'B-1' }] } });
    expect(codeAndField(await f.clients.ADMIN.gql(CREATE_FIELD, { input: { entity: 'CONTACT', label: 'Picked', type: 'CHECKBOX', unique: true } }))).toEqual([
      ['BAD_USER_INPUT', 'input.unique'],
    ]);
  });
});

async function listContacts(f: RolesFixture, variables: Record<string, unknown>) {
  const { contacts } = await f.clients.MEMBER.ok(LIST, variables);
  return {
    total: contacts.totalCount as number,
    names: contacts.edges.map((e: { node: { firstName: string } }) => e.node.firstName) as string[],
    pageInfo: contacts.pageInfo,
  };
}

async function people(app: TestApp, f: RolesFixture) {
  const { tier, langs, opt } = await everyType(f);
  const rows: Array<[string, object]> = [
    [
      'Ada',
      {
        tier: opt(tier, 'Gold'),
        renewal: '2027-03-01',
        shoe: 38,
        nick: 'Countess',
        langs: [opt(langs, 'EN')],
        vip: true,
        budget: { amount: 10, currency: 'EUR' },
      },
    ],
    ['Bob', { tier: opt(tier, 'Silver'), renewal: '2027-01-15', shoe: 44, nick: 'Bobby', langs: [opt(langs, 'FR'), opt(langs, 'EN')] }],
    ['Cy', { tier: opt(tier, 'Gold'), renewal: '2026-12-31', shoe: 41.5, nick: 'cyclone' }],
    ['Di', { tier: opt(tier, 'Gold'), shoe: 9 }],
    ['Ed', {}],
  ];
  for (const [firstName, customFields] of rows) await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName, customFields } });
  // Same key and option id in another workspace: never listed here.
  const other = (await app.prisma.membership.findFirstOrThrow({ where: { userId: f.users.OUTSIDER.id } })).workspaceId;
  await app.prisma.contact.create({
    data: { workspaceId: other, firstName: 'Eve', customFields: { tier: opt(tier, 'Gold'), renewal: '2020-01-01', shoe: 40 } },
  });
  // Private to the owner: members do not see it, whatever its fields.
  await app.prisma.contact.create({
    data: {
      workspaceId: f.workspaceId,
      firstName: 'Hid',
      visibility: 'PRIVATE',
      ownerId: f.users.ADMIN.id,
      customFields: { tier: opt(tier, 'Gold'), renewal: '2026-01-01' },
    },
  });
  return { tier, langs, opt };
}

describe('custom fields: filter and sort', () => {
  it('filters by every operator and sorts by type, without other workspaces or hidden records', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { tier, langs, opt } = await people(app, f);
    const names = async (custom: unknown[], customSort?: unknown) => (await listContacts(f, { filter: { custom }, customSort })).names;
    const gold = { key: 'tier', op: 'EQ', optionId: opt(tier, 'Gold') };

    expect(await names([gold], { key: 'renewal', direction: 'DESC' })).toEqual(['Ada', 'Cy', 'Di']);
    expect(await names([gold], { key: 'renewal' })).toEqual(['Cy', 'Ada', 'Di']);
    expect(await names([{ key: 'tier', op: 'IN', optionIds: [opt(tier, 'Silver')] }])).toEqual(['Bob']);
    expect(await names([{ key: 'langs', op: 'IN', optionIds: [opt(langs, 'FR'), opt(langs, 'DE')] }])).toEqual(['Bob']);
    expect(await names([{ key: 'langs', op: 'EQ', optionId: opt(langs, 'EN') }])).toEqual(['Ada', 'Bob']);
    expect(await names([{ key: 'shoe', op: 'GT', number: 40 }], { key: 'shoe' })).toEqual(['Cy', 'Bob']);
    expect(await names([{ key: 'shoe', op: 'LT', number: 40 }], { key: 'shoe' })).toEqual(['Di', 'Ada']);
    expect(await names([{ key: 'shoe', op: 'EQ', number: 41.5 }])).toEqual(['Cy']);
    expect(await names([{ key: 'renewal', op: 'LT', date: '2027-01-01' }])).toEqual(['Cy']);
    expect(await names([{ key: 'nick', op: 'CONTAINS', text: 'C' }], { key: 'nick' })).toEqual(
      ['Countess', 'cyclone'].map((n) => (n === 'Countess' ? 'Ada' : 'Cy')),
    );
    expect(await names([{ key: 'nick', op: 'EQ', text: 'bobby' }])).toEqual(['Bob']);
    expect(await names([{ key: 'vip', op: 'EQ', checked: false }])).toEqual(['Bob', 'Cy', 'Di', 'Ed']);
    expect(await names([{ key: 'budget', op: 'GT', amount: 5 }])).toEqual(['Ada']);
    expect(await names([{ key: 'renewal', op: 'IS_EMPTY' }])).toEqual(['Di', 'Ed']);
    expect(await names([{ key: 'renewal', op: 'IS_NOT_EMPTY' }, gold])).toEqual(['Ada', 'Cy']);
    // Selects sort by option order, ties by id in the same direction, values missing last either way.
    expect(await names([], { key: 'tier', direction: 'DESC' })).toEqual(['Bob', 'Di', 'Cy', 'Ada', 'Ed']);

    // Pages follow the custom order with cursors, and the total counts every match.
    const first = await listContacts(f, { filter: {}, customSort: { key: 'shoe', direction: 'DESC' }, first: 2 });
    expect(first).toMatchObject({ total: 5, names: ['Bob', 'Cy'], pageInfo: { hasNextPage: true } });
    const second = await listContacts(f, { customSort: { key: 'shoe', direction: 'DESC' }, first: 2, after: first.pageInfo.endCursor });
    expect(second.names).toEqual(['Ada', 'Di']);
    const third = await listContacts(f, { customSort: { key: 'shoe', direction: 'DESC' }, first: 2, after: second.pageInfo.endCursor });
    expect(third).toMatchObject({ names: ['Ed'], pageInfo: { hasNextPage: false } });
    expect((await listContacts(f, { filter: { custom: [gold] } })).total).toBe(3);
    // Admins see the private one too.
    expect((await f.clients.ADMIN.ok(LIST, { filter: { custom: [gold] } })).contacts.totalCount).toBe(4);

    const refused = async (variables: Record<string, unknown>) => codeAndField(await f.clients.MEMBER.gql(LIST, variables));
    expect(await refused({ filter: { custom: [{ key: 'nope', op: 'IS_EMPTY' }] } })).toEqual([['BAD_USER_INPUT', 'filter.custom.0.key']]);
    expect(await refused({ filter: { custom: [{ key: 'nick', op: 'GT', number: 1 }] } })).toEqual([['BAD_USER_INPUT', 'filter.custom.0']]);
    expect(await refused({ filter: { custom: [{ key: 'shoe', op: 'GT' }] } })).toEqual([['BAD_USER_INPUT', 'filter.custom.0']]);
    expect(await refused({ customSort: { key: 'nope' } })).toEqual([['BAD_USER_INPUT', 'customSort.key']]);
  });
});

const FIELD_BY_KEY = (app: TestApp, f: RolesFixture, key: string) => app.prisma.customField.findFirstOrThrow({ where: { workspaceId: f.workspaceId, key } });
const CHANGE = `mutation($id: ID!, $type: CustomFieldType!, $dryRun: Boolean) { changeCustomFieldType(id: $id, type: $type, dryRun: $dryRun) {
  applied converted failed failures { value reason } field { type options { label } } } }`;

describe('custom fields: type change, delete and undo', () => {
  it('reports unconvertible values in a dry run, then converts the rest', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const code = await field(f, { key: 'code', label: 'Code', type: 'TEXT' });
    for (const [firstName, value] of [
      ['A', '42'],
      ['B', ' 7 '],
      ['C', 'n/a'],
    ] as const) {
      await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName, customFields: { code: value } } });
    }
    const dry = (await f.clients.ADMIN.ok(CHANGE, { id: code.id, type: 'NUMBER' })).changeCustomFieldType;
    expect(dry).toMatchObject({
      applied: false,
      converted: 2,
      failed: 1,
      failures: [{ value: '"n/a"', reason: '"n/a" is not a number' }],
      field: { type: 'TEXT' },
    });
    expect((await app.prisma.contact.findFirstOrThrow({ where: { firstName: 'A' } })).customFields).toEqual({ code: '42' });

    const done = (await f.clients.ADMIN.ok(CHANGE, { id: code.id, type: 'NUMBER', dryRun: false })).changeCustomFieldType;
    expect(done).toMatchObject({ applied: true, converted: 2, failed: 1, field: { type: 'NUMBER' } });
    const values = Object.fromEntries((await app.prisma.contact.findMany({ where: { workspaceId: f.workspaceId } })).map((c) => [c.firstName, c.customFields]));
    expect(values).toEqual({ A: { code: 42 }, B: { code: 7 }, C: {} });

    // Text to select: one option per distinct value.
    const city = await field(f, { key: 'city', label: 'City', type: 'TEXT' });
    await app.prisma.contact.updateMany({ where: { firstName: { in: ['A', 'B'] } }, data: { customFields: { city: 'Paris' } } });
    await app.prisma.contact.updateMany({ where: { firstName: 'C' }, data: { customFields: { city: 'Lyon' } } });
    const select = (await f.clients.ADMIN.ok(CHANGE, { id: city.id, type: 'SELECT', dryRun: false })).changeCustomFieldType;
    expect(select).toMatchObject({ converted: 3, failed: 0, field: { type: 'SELECT', options: [{ label: 'Paris' }, { label: 'Lyon' }] } });
    const paris = ((await FIELD_BY_KEY(app, f, 'city')).options as Array<{ id: string; label: string }>).find((o) => o.label === 'Paris')!.id;
    expect((await app.prisma.contact.findFirstOrThrow({ where: { firstName: 'A' } })).customFields).toEqual({ city: paris });
  });

  it('deletes a field with its values hidden, restores both, and refuses a restore after the retention window', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const tier = await field(f, { key: 'tier', label: 'Tier', type: 'SELECT', options: [{ label: 'Gold' }, { label: 'Gold-ish' }] });
    const { createContact } = await f.clients.MEMBER.ok(CREATE_CONTACT, {
      input: { firstName: 'Ada', customFields: [{ key: 'tier', optionId: tier.options[1]!.id }] },
    });
    const read = async () => (await f.clients.MEMBER.ok(`query($id: ID!) { contact(id: $id) { ${VALUES} } }`, { id: createContact.id })).contact.customFields;

    // Merge: records holding the merged option hold the survivor.
    await f.clients.ADMIN.ok(
      `mutation($id: ID!, $from: [String!]!, $into: String!) { mergeCustomFieldOptions(fieldId: $id, optionIds: $from, intoOptionId: $into) { id } }`,
      { id: tier.id, from: [tier.options[1]!.id], into: tier.options[0]!.id },
    );
    expect(await read()).toEqual([{ field: { key: 'tier' }, __typename: 'CustomSelectValue', option: { label: 'Gold' } }]);

    await f.clients.ADMIN.ok(`mutation($id: ID!) { deleteCustomField(id: $id) { deletedAt } }`, { id: tier.id });
    expect(await read()).toEqual([]);
    expect((await f.clients.MEMBER.ok(`{ customFields(entity: CONTACT) { key } }`)).customFields).toEqual([]);
    expect((await f.clients.MEMBER.ok(`{ customFields(entity: CONTACT, trash: true) { key } }`)).customFields).toEqual([{ key: 'tier' }]);
    // The key stays taken while the field can come back.
    expect(codeAndField(await f.clients.ADMIN.gql(CREATE_FIELD, { input: { entity: 'CONTACT', key: 'tier', label: 'Tier', type: 'TEXT' } }))).toEqual([
      ['BAD_USER_INPUT', 'input.key'],
    ]);
    expect(codeAndField(await f.clients.MEMBER.gql(UPDATE_CONTACT, { id: createContact.id, input: { customFields: [{ key: 'tier' }] } }))).toEqual([
      ['BAD_USER_INPUT', 'input.customFields.0'],
    ]);

    await f.clients.ADMIN.ok(`mutation($id: ID!) { restoreCustomField(id: $id) { deletedAt } }`, { id: tier.id });
    expect(await read()).toEqual([{ field: { key: 'tier' }, __typename: 'CustomSelectValue', option: { label: 'Gold' } }]);

    await f.clients.ADMIN.ok(`mutation($id: ID!) { deleteCustomField(id: $id) { deletedAt } }`, { id: tier.id });
    await app.prisma.customField.update({ where: { id: (await FIELD_BY_KEY(app, f, 'tier')).id }, data: { deletedAt: new Date(Date.now() - 31 * 864e5) } });
    expect(codeAndField(await f.clients.ADMIN.gql(`mutation($id: ID!) { restoreCustomField(id: $id) { deletedAt } }`, { id: tier.id }))).toEqual([
      ['BAD_USER_INPUT', undefined],
    ]);
  });

  it('hides archived fields from records and inputs but keeps their values', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const nick = await field(f, { key: 'nick', label: 'Nick', type: 'TEXT' });
    const { createContact } = await f.clients.MEMBER.ok(CREATE_CONTACT, { input: { firstName: 'Ada', customFields: [{ key: 'nick', text: 'Countess' }] } });
    await f.clients.ADMIN.ok(`mutation($id: ID!) { updateCustomField(id: $id, input: { archived: true, label: "Nickname" }) { archivedAt } }`, { id: nick.id });
    expect((await f.clients.MEMBER.ok(`query($id: ID!) { contact(id: $id) { ${VALUES} } }`, { id: createContact.id })).contact.customFields).toEqual([]);
    expect((await f.clients.MEMBER.ok(`{ customFields(entity: CONTACT, includeArchived: true) { label archivedAt } }`)).customFields).toMatchObject([
      { label: 'Nickname' },
    ]);
    await f.clients.ADMIN.ok(`mutation($id: ID!) { updateCustomField(id: $id, input: { archived: false }) { archivedAt } }`, { id: nick.id });
    expect((await f.clients.MEMBER.ok(`query($id: ID!) { contact(id: $id) { ${VALUES} } }`, { id: createContact.id })).contact.customFields).toEqual([
      { field: { key: 'nick' }, __typename: 'CustomTextValue', text: 'Countess' },
    ]);
  });
});

describe('custom fields: search', () => {
  it('finds records by their text-type custom values, and forgets them when the field is deleted', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const nick = await field(f, { key: 'nick', label: 'Nick', type: 'TEXT' });
    await field(f, { key: 'shoe', label: 'Shoe', type: 'NUMBER' });
    await f.clients.MEMBER.ok(CREATE_CONTACT, {
      input: {
        firstName: 'Ada',
        customFields: [
          { key: 'nick', text: 'Zanzibarian' },
          { key: 'shoe', number: 987654 },
        ],
      },
    });
    const titles = async (q: string) =>
      (await f.clients.MEMBER.ok(`query($q: String!) { search(query: $q) { edges { node { title } } } }`, { q })).search.edges.map(
        (e: { node: { title: string } }) => e.node.title,
      );
    expect(await titles('zanzibarian')).toEqual(['Ada']);
    expect(await titles('987654')).toEqual([]);
    await f.clients.ADMIN.ok(`mutation($id: ID!) { deleteCustomField(id: $id) { id } }`, { id: nick.id });
    expect(await titles('zanzibarian')).toEqual([]);
    await f.clients.ADMIN.ok(`mutation($id: ID!) { restoreCustomField(id: $id) { id } }`, { id: nick.id });
    expect(await titles('zanzibarian')).toEqual(['Ada']);
  });
});

describe('custom fields: merge', () => {
  it('keeps the survivor’s values, fills gaps from duplicates, and takes chosen values per field', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    for (const key of ['nick', 'city', 'team']) await field(f, { key, label: key, type: 'TEXT' });
    const make = (firstName: string, customFields: Record<string, string>) =>
      app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName, customFields } });
    const survivor = await make('Ada', { nick: 'Countess', city: 'London' });
    const duplicate = await make('Ada L', { nick: 'Ada', city: 'Paris', team: 'Engines' });
    const merge = `mutation($s: ID!, $d: [ID!]!, $c: [MergeFieldChoice!]) { mergeContacts(survivorId: $s, duplicateIds: $d, fieldChoices: $c) { id } }`;
    const gid = (id: string) => globalId('Contact', id);
    expect(
      codeAndField(await f.clients.MEMBER.gql(merge, { s: gid(survivor.id), d: [gid(duplicate.id)], c: [{ key: 'nick', fromId: gid(f.users.MEMBER.id) }] })),
    ).toEqual([['BAD_USER_INPUT', 'fieldChoices.0.fromId']]);
    await f.clients.MEMBER.ok(merge, { s: gid(survivor.id), d: [gid(duplicate.id)], c: [{ key: 'city', fromId: gid(duplicate.id) }] });
    expect((await app.prisma.contact.findUniqueOrThrow({ where: { id: survivor.id } })).customFields).toEqual({
      nick: 'Countess',
      city: 'Paris',
      team: 'Engines',
    });
  });
});

describe('custom fields: import', () => {
  it('types mapped cells by their field, and creates a text field for a column mapped to a new key', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await field(f, { key: 'shoe', label: 'Shoe', type: 'NUMBER' });
    await field(f, { key: 'tier', label: 'Tier', type: 'SELECT', options: [{ label: 'Gold' }] });
    const { gid } = await importRow(
      app,
      f,
      'MEMBER',
      'Name,Email,Shoe,Tier,Favourite colour\nAda Lovelace,ada@example.com,38,gold,Blue\nBob Smith,bob@example.com,big,Silver,\n',
    );
    const columns = ['fullName', 'emails', 'custom:shoe', 'custom:tier', 'custom:Favourite colour'];
    await f.clients.MEMBER.ok(START, { id: gid, settings: { entity: 'CONTACT', columns, dedupeMode: 'SKIP', visibility: 'WORKSPACE' } });
    await runDueJobs(app);
    const tier = await FIELD_BY_KEY(app, f, 'tier');
    const id = (label: string) => (tier.options as Array<{ id: string; label: string }>).find((o) => o.label === label)!.id;
    const byName = Object.fromEntries((await app.prisma.contact.findMany({ where: { workspaceId: f.workspaceId } })).map((c) => [c.firstName, c.customFields]));
    expect(byName).toEqual({ Ada: { shoe: 38, tier: id('Gold'), favouriteColour: 'Blue' }, Bob: { tier: id('Silver') } });
    expect(await FIELD_BY_KEY(app, f, 'favouriteColour')).toMatchObject({ label: 'Favourite colour', type: 'TEXT' });
  });
});

describe('custom fields: purge', () => {
  it('removes a field deleted longer ago than the trash window, with its values, and keeps a recent one', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const old = await field(f, { key: 'old', label: 'Old', type: 'TEXT' });
    const recent = await field(f, { key: 'recent', label: 'Recent', type: 'TEXT' });
    const contact = await app.prisma.contact.create({
      data: { workspaceId: f.workspaceId, firstName: 'Ada', customFields: { old: 'x', recent: 'y' }, deletedAt: new Date() },
    });
    for (const fld of [old, recent]) await f.clients.ADMIN.ok(`mutation($id: ID!) { deleteCustomField(id: $id) { id } }`, { id: fld.id });
    await app.prisma.customField.updateMany({ where: { workspaceId: f.workspaceId, key: 'old' }, data: { deletedAt: new Date(Date.now() - 31 * 864e5) } });
    await purgeTrash(app.services);
    expect((await app.prisma.customField.findMany({ where: { workspaceId: f.workspaceId } })).map((x) => x.key)).toEqual(['recent']);
    expect((await app.prisma.contact.findUniqueOrThrow({ where: { id: contact.id } })).customFields).toEqual({ recent: 'y' });
  });
});
