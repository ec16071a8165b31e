import { describe, expect, it } from 'vitest';
import { rolesFixture, type RolesFixture } from '../../test/fixtures.js';
import { errorCodes, useTestApp, type GqlResult, type TestApp } from '../../test/test-app.js';
import { createContactAs } from '../contacts/contact.test-helpers.js';
import { selectField } from '../custom-fields/custom-field.matrix.js';

const getApp = useTestApp();

const VIEW = 'id name list shared ownedByViewer isDefault canEdit filter sort customSort columns { key width } groupBy missingFields count';
const CREATE = `mutation($input: CreateSavedViewInput!) { createSavedView(input: $input) { ${VIEW} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateSavedViewInput!) { updateSavedView(id: $id, input: $input) { ${VIEW} } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on SavedView { ${VIEW} } } }`;
const LIST = `query($list: CustomFieldEntity!) { savedViews(list: $list) { name count isDefault } }`;
const STAR = `mutation($list: CustomFieldEntity!, $id: ID) { setDefaultSavedView(list: $list, id: $id) }`;

const fieldOf = (result: GqlResult) => result.errors?.map((e) => [e.extensions?.code, e.extensions?.field, e.message]);

/** Three Acme contacts (two leads, one with the Gold tier) and, in the other workspace, leads that must never be counted. */
async function contacts(app: TestApp, f: RolesFixture) {
  const tier = await selectField(app, f, 'tier');
  await createContactAs(f, 'MEMBER', { firstName: 'Ada', lifecycleStage: 'LEAD', customFields: [{ key: 'tier', optionId: 'gold' }] });
  await createContactAs(f, 'MEMBER', { firstName: 'Bea', lifecycleStage: 'LEAD' });
  await createContactAs(f, 'MEMBER', { firstName: 'Cy', lifecycleStage: 'CUSTOMER', customFields: [{ key: 'tier', optionId: 'gold' }] });
  await createContactAs(f, 'OUTSIDER', { firstName: 'Elsewhere', lifecycleStage: 'LEAD' });
  await createContactAs(f, 'OUTSIDER', { firstName: 'Elsewhere too', lifecycleStage: 'LEAD' });
  return tier;
}

describe('saved views', () => {
  it('keeps a private view for its owner alone: others, admins and the second workspace get NOT_FOUND', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await contacts(app, f);
    const input = {
      list: 'CONTACT',
      name: 'My leads',
      contactFilter: { lifecycleStage: 'LEAD' },
      contactSort: { field: 'UPDATED_AT', direction: 'DESC' },
      columns: [{ key: 'name', width: 240 }, { key: 'custom:tier' }, { key: 'email', width: 200 }],
    };
    const { createSavedView: view } = await f.clients.VIEWER.ok(CREATE, { input });
    expect(view).toMatchObject({
      name: 'My leads',
      list: 'CONTACT',
      shared: false,
      ownedByViewer: true,
      canEdit: true,
      count: 2,
      missingFields: [],
      filter: { lifecycleStage: 'LEAD' },
      sort: { field: 'UPDATED_AT', direction: 'DESC' },
      columns: [
        { key: 'name', width: 240 },
        { key: 'custom:tier', width: null },
        { key: 'email', width: 200 },
      ],
    });
    for (const actor of ['OWNER', 'ADMIN', 'MEMBER', 'OUTSIDER'] as const) {
      expect(errorCodes(await f.clients[actor].gql(NODE, { id: view.id })), actor).toEqual(['NOT_FOUND']);
      expect(errorCodes(await f.clients[actor].gql(UPDATE, { id: view.id, input: { name: 'Mine now' } })), actor).toEqual(['NOT_FOUND']);
    }
    expect((await f.clients.ADMIN.ok(LIST, { list: 'CONTACT' })).savedViews).toEqual([]);
    expect((await f.clients.OUTSIDER.ok(LIST, { list: 'CONTACT' })).savedViews).toEqual([]);
    expect((await f.clients.VIEWER.ok(LIST, { list: 'CONTACT' })).savedViews).toEqual([{ name: 'My leads', count: 2, isDefault: false }]);
    expect(await app.prisma.savedView.findFirstOrThrow()).toMatchObject({ ownerId: f.users.VIEWER.id, workspaceId: f.workspaceId, shared: false });
  });

  it("shares by the permission table: members share, viewers may not, admins edit anyone's shared view, members only their own", async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await contacts(app, f);
    const shared = { list: 'CONTACT', name: 'Gold', shared: true, contactFilter: { custom: [{ key: 'tier', op: 'EQ', optionId: 'gold' }] } };
    expect(errorCodes(await f.clients.VIEWER.gql(CREATE, { input: shared }))).toEqual(['FORBIDDEN']);
    expect(await app.prisma.savedView.count()).toBe(0);
    const { createSavedView: view } = await f.clients.MEMBER.ok(CREATE, { input: shared });
    expect(view).toMatchObject({ shared: true, count: 2 });
    const seen = await f.clients.VIEWER.ok(NODE, { id: view.id });
    expect(seen.node).toMatchObject({ name: 'Gold', ownedByViewer: false, canEdit: false, count: 2 });
    expect(errorCodes(await f.clients.VIEWER.gql(UPDATE, { id: view.id, input: { name: 'Mine' } }))).toEqual(['FORBIDDEN']);
    const { createSavedView: other } = await f.clients.ADMIN.ok(CREATE, { input: { ...shared, name: 'Admin gold' } });
    expect(errorCodes(await f.clients.MEMBER.gql(UPDATE, { id: other.id, input: { name: 'Taken' } }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await f.clients.MEMBER.gql(`mutation($id: ID!) { deleteSavedView(id: $id) }`, { id: other.id }))).toEqual(['FORBIDDEN']);
    const { updateSavedView } = await f.clients.ADMIN.ok(UPDATE, {
      id: view.id,
      input: { name: 'Gold leads', contactFilter: { lifecycleStage: 'LEAD', custom: [{ key: 'tier', op: 'EQ', optionId: 'gold' }] } },
    });
    expect(updateSavedView).toMatchObject({ name: 'Gold leads', count: 1, canEdit: true, ownedByViewer: false });
    // Unsharing makes it private to its owner again: the admin who could edit it no longer sees it.
    await f.clients.MEMBER.ok(UPDATE, { id: view.id, input: { shared: false } });
    expect(errorCodes(await f.clients.ADMIN.gql(NODE, { id: view.id }))).toEqual(['NOT_FOUND']);
    expect((await f.clients.MEMBER.ok(NODE, { id: view.id })).node.filter).toEqual({
      lifecycleStage: 'LEAD',
      custom: [{ key: 'tier', op: 'EQ', optionId: 'gold' }],
    });
  });

  it('stars one default view per list and member; a private view of someone else cannot be starred', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await contacts(app, f);
    const a = (await f.clients.MEMBER.ok(CREATE, { input: { list: 'CONTACT', name: 'A', shared: true } })).createSavedView;
    const b = (await f.clients.MEMBER.ok(CREATE, { input: { list: 'CONTACT', name: 'B' } })).createSavedView;
    await f.clients.MEMBER.ok(STAR, { list: 'CONTACT', id: a.id });
    await f.clients.VIEWER.ok(STAR, { list: 'CONTACT', id: a.id });
    await f.clients.MEMBER.ok(STAR, { list: 'CONTACT', id: b.id });
    expect((await f.clients.MEMBER.ok(LIST, { list: 'CONTACT' })).savedViews).toEqual([
      { name: 'A', count: 3, isDefault: false },
      { name: 'B', count: 3, isDefault: true },
    ]);
    expect((await f.clients.VIEWER.ok(LIST, { list: 'CONTACT' })).savedViews).toEqual([{ name: 'A', count: 3, isDefault: true }]);
    expect(errorCodes(await f.clients.VIEWER.gql(STAR, { list: 'CONTACT', id: b.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await f.clients.OUTSIDER.gql(STAR, { list: 'CONTACT', id: a.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await f.clients.MEMBER.gql(STAR, { list: 'DEAL', id: a.id }))).toEqual(['NOT_FOUND']);
    await f.clients.MEMBER.ok(`mutation($id: ID!) { deleteSavedView(id: $id) }`, { id: a.id });
    expect(await app.prisma.savedViewStar.findMany({ select: { userId: true } })).toEqual([{ userId: f.users.MEMBER.id }]);
    await f.clients.MEMBER.ok(STAR, { list: 'CONTACT', id: null });
    expect(await app.prisma.savedViewStar.count()).toBe(0);
  });

  it('refuses a state that does not fit the list, naming what is wrong, and writes nothing', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await contacts(app, f);
    await app.prisma.customField.create({ data: { workspaceId: f.workspaceId, entity: 'DEAL', key: 'seats', label: 'Seats', type: 'NUMBER' } });
    const bad: Array<[Record<string, unknown>, string | undefined, RegExp]> = [
      [{ list: 'CONTACT', name: 'x', contactFilter: { custom: [{ key: 'nope', op: 'EQ', text: 'a' }] } }, 'filter.custom.0.key', /"nope"/],
      [
        { list: 'CONTACT', name: 'x', contactFilter: { custom: [{ key: 'tier', op: 'GT', number: 3 }] } },
        'filter.custom.0',
        /Tier \(tier\): GT works on numbers/,
      ],
      [{ list: 'CONTACT', name: 'x', contactFilter: { anyOf: [{ custom: [{ key: 'nope', op: 'IS_EMPTY' }] }] } }, 'filter.anyOf.0.custom.0.key', /"nope"/],
      [{ list: 'CONTACT', name: 'x', dealFilter: { status: 'OPEN' } }, 'input.dealFilter', /deal views/],
      [{ list: 'CONTACT', name: 'x', customSort: { key: 'seats' } }, 'customSort.key', /"seats"/],
      [{ list: 'CONTACT', name: 'x', columns: [{ key: 'amount' }] }, 'input.columns.0.key', /No column "amount"/],
      [{ list: 'CONTACT', name: 'x', columns: [{ key: 'name' }, { key: 'name' }] }, 'input.columns.1.key', /twice/],
      [{ list: 'CONTACT', name: 'x', groupBy: 'stage' }, 'input.groupBy', /Only deal views/],
      [{ list: 'DEAL', name: 'x', groupBy: 'custom:seats' }, 'input.groupBy', /single-select/],
      [{ list: 'DEAL', name: 'x', columns: [{ key: 'amount', width: 5 }] }, undefined, /./],
      [{ list: 'CONTACT', name: '  ' }, undefined, /Name/],
    ];
    for (const [input, field, message] of bad) {
      const result = await f.clients.MEMBER.gql(CREATE, { input });
      expect(errorCodes(result), JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
      if (field) expect(fieldOf(result)![0]![1], JSON.stringify(input)).toBe(field);
      expect(result.errors![0]!.message).toMatch(message);
    }
    expect(await app.prisma.savedView.count()).toBe(0);
    const { createSavedView: view } = await f.clients.MEMBER.ok(CREATE, {
      input: { list: 'DEAL', name: 'Board', groupBy: 'owner', dealFilter: { expectedCloseDate: { from: '2027-01-01', to: '2027-03-31' } } },
    });
    expect(view).toMatchObject({ groupBy: 'owner', filter: { expectedCloseDate: { from: '2027-01-01', to: '2027-03-31' } }, count: 0 });
    const refused = await f.clients.MEMBER.gql(UPDATE, { id: view.id, input: { name: 'Renamed', groupBy: 'custom:nope' } });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(await app.prisma.savedView.findFirstOrThrow()).toMatchObject({ name: 'Board', groupBy: 'owner' });
  });

  it('keeps working when a custom field it uses is deleted: the conditions are left out and named, and come back with a restore', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const tier = await contacts(app, f);
    const input = {
      list: 'CONTACT',
      name: 'Gold leads',
      shared: true,
      contactFilter: { lifecycleStage: 'LEAD', custom: [{ key: 'tier', op: 'EQ', optionId: 'gold' }] },
      customSort: { key: 'tier' },
      columns: [{ key: 'name' }, { key: 'custom:tier' }],
    };
    const { createSavedView: view } = await f.clients.MEMBER.ok(CREATE, { input });
    expect(view.count).toBe(1);
    await f.clients.ADMIN.ok(`mutation($id: ID!) { deleteCustomField(id: $id) { id } }`, { id: tier.gid });
    const { node: gone } = await f.clients.VIEWER.ok(NODE, { id: view.id });
    expect(gone).toMatchObject({
      filter: { lifecycleStage: 'LEAD' },
      customSort: null,
      columns: [{ key: 'name', width: null }],
      missingFields: ['tier'],
      count: 2,
    });
    // Saving it again in place keeps what it was told to change, and the stored conditions stay for a restore.
    await f.clients.MEMBER.ok(UPDATE, { id: view.id, input: { name: 'Gold leads (old)' } });
    await f.clients.ADMIN.ok(`mutation($id: ID!) { restoreCustomField(id: $id) { id } }`, { id: tier.gid });
    expect((await f.clients.VIEWER.ok(NODE, { id: view.id })).node).toMatchObject({
      name: 'Gold leads (old)',
      missingFields: [],
      count: 1,
      customSort: { key: 'tier' },
    });
  });
});

describe('saved views in the activity history', () => {
  it("shows a shared view's events to every member, a private one's to its owner alone", async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const HISTORY = `{ activityEvents(first: 20) { edges { node { verb entityType changes } } } }`;
    const views = async (actor: 'MEMBER' | 'ADMIN' | 'VIEWER') =>
      (await f.clients[actor].ok(HISTORY)).activityEvents.edges
        .map((e: { node: { entityType: string; verb: string; changes: { name?: string } } }) => e.node)
        .filter((n: { entityType: string }) => n.entityType === 'SavedView')
        .map((n: { verb: string; changes: { name?: string } }) => `${n.verb} ${n.changes.name ?? '(private)'}`);
    await f.clients.MEMBER.ok(CREATE, { input: { list: 'CONTACT', name: 'Secret plan' } });
    await f.clients.MEMBER.ok(CREATE, { input: { list: 'CONTACT', name: 'Team leads', shared: true } });
    expect(await views('MEMBER')).toEqual(['created Team leads', 'created (private)']);
    expect(await views('ADMIN')).toEqual(['created Team leads']);
    expect(await views('VIEWER')).toEqual(['created Team leads']);
  });
});

describe('list filters: anyOf', () => {
  it('matches records that meet one branch, standard or custom, combined with the fields beside it', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await contacts(app, f);
    await createContactAs(f, 'MEMBER', { firstName: 'Dee', lifecycleStage: 'CUSTOMER' });
    const LIST_NAMES = `query($filter: ContactFilter, $first: Int, $after: String) { contacts(filter: $filter, first: $first, after: $after) { totalCount edges { node { firstName } } pageInfo { hasNextPage endCursor } } }`;
    const names = async (filter: object, first = 10) => {
      const { contacts: c } = await f.clients.VIEWER.ok(LIST_NAMES, { filter, first });
      return { total: c.totalCount, names: c.edges.map((e: { node: { firstName: string } }) => e.node.firstName) };
    };
    expect(await names({ anyOf: [{ lifecycleStage: 'LEAD' }, { text: 'Dee' }] })).toEqual({ total: 3, names: ['Ada', 'Bea', 'Dee'] });
    const goldOrLead = { anyOf: [{ lifecycleStage: 'LEAD' }, { custom: [{ key: 'tier', op: 'EQ', optionId: 'gold' }] }] };
    expect(await names(goldOrLead)).toEqual({ total: 3, names: ['Ada', 'Bea', 'Cy'] });
    expect(await names({ ...goldOrLead, lifecycleStage: 'CUSTOMER' })).toEqual({ total: 1, names: ['Cy'] });
    expect(await names({ anyOf: [{ lifecycleStage: 'CUSTOMER', custom: [{ key: 'tier', op: 'IS_EMPTY' }] }, { text: 'Bea' }] })).toEqual({
      total: 2,
      names: ['Bea', 'Dee'],
    });
    // Pages of one walk cover every match once.
    const first = await f.clients.VIEWER.ok(LIST_NAMES, { filter: goldOrLead, first: 2 });
    const second = await f.clients.VIEWER.ok(LIST_NAMES, { filter: goldOrLead, first: 2, after: first.contacts.pageInfo.endCursor });
    expect([...first.contacts.edges, ...second.contacts.edges].map((e: { node: { firstName: string } }) => e.node.firstName)).toEqual(['Ada', 'Bea', 'Cy']);
    expect(second.contacts.pageInfo.hasNextPage).toBe(false);
  });
});
