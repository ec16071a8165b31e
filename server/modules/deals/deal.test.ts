import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture, type RolesFixture } from '../../test/fixtures.js';
import { errorCodes, expectBadInput, useTestApp, type TestApp } from '../../test/test-app.js';
import { partnersPipeline, salesPipeline } from '../pipelines/pipeline.matrix.js';
import { dealIn } from './deal.matrix.js';

const getApp = useTestApp();

const DEAL_FIELDS = `id name amountMinor amount currency status expectedCloseDate closedAt visibility customFields { field { key } ... on CustomNumberValue { number } }
  pipeline { name } stage { name } owner { name } createdBy { name } company { name } contacts { name } tags { name }
  stageHistory { from { name } to { name } changedBy { name } changedAt }`;
const CREATE = `mutation($input: DealInput!) { createDeal(input: $input) { ${DEAL_FIELDS} } }`;
const MOVE = `mutation($id: ID!, $stage: ID!, $pipeline: ID) { moveDeal(id: $id, stageId: $stage, pipelineId: $pipeline) { ${DEAL_FIELDS} } }`;
const GET = `query($id: ID!) { deal(id: $id) { ${DEAL_FIELDS} } }`;

async function outsiderWorkspaceId(app: TestApp, f: RolesFixture) {
  return (await app.prisma.membership.findFirstOrThrow({ where: { userId: f.users.OUTSIDER.id } })).workspaceId;
}

async function links(app: TestApp, f: RolesFixture) {
  const company = await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Initech', ownerId: f.users.MEMBER.id } });
  const contact = await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Ada', lastName: 'Lovelace', ownerId: f.users.MEMBER.id } });
  const tag = await app.prisma.tag.create({ data: { workspaceId: f.workspaceId, name: 'enterprise' } });
  return { company: globalId('Company', company.id), contact: globalId('Contact', contact.id), tag: globalId('Tag', tag.id) };
}

/** The Acme roles, in a workspace with the Sales pipeline. */
async function withSales() {
  const app = getApp();
  const f = await rolesFixture(app);
  return { app, f, sales: await salesPipeline(app, f) };
}

describe('deals', () => {
  it('creates a deal in the first stage of the default pipeline, with the amount stored exactly', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await partnersPipeline(app, f);
    const linked = await links(app, f);
    await app.prisma.customField.create({ data: { workspaceId: f.workspaceId, entity: 'DEAL', key: 'seats', label: 'Seats', type: 'NUMBER' } });
    const { createDeal: deal } = await f.clients.MEMBER.ok(CREATE, {
      input: {
        name: '  Initech renewal ',
        amountMinor: '1234567890123',
        currency: ' eur ',
        expectedCloseDate: '2026-03-31',
        companyId: linked.company,
        contactIds: [linked.contact],
        tagIds: [linked.tag],
        customFields: [{ key: 'seats', number: 40 }],
      },
    });
    expect(deal).toMatchObject({
      name: 'Initech renewal',
      amountMinor: '1234567890123',
      amount: '12345678901.23',
      currency: 'EUR',
      status: 'OPEN',
      closedAt: null,
      expectedCloseDate: '2026-03-31',
      visibility: 'WORKSPACE',
      customFields: [{ field: { key: 'seats' }, number: 40 }],
      pipeline: { name: 'Sales' },
      stage: { name: 'Lead' },
      owner: { name: 'Member Person' },
      createdBy: { name: 'Member Person' },
      company: { name: 'Initech' },
      contacts: [{ name: 'Ada Lovelace' }],
      tags: [{ name: 'enterprise' }],
      stageHistory: [{ from: null, to: { name: 'Lead' }, changedBy: { name: 'Member Person' } }],
    });
    const row = await app.prisma.deal.findFirstOrThrow();
    expect(row.amountMinor).toBe(1234567890123n);
    expect(row.expectedCloseDate?.toISOString()).toBe('2026-03-31T00:00:00.000Z');
  });

  it('places a deal in the named pipeline or stage, and a deal created in a won stage is won', async () => {
    const { app, f, sales } = await withSales();
    const partners = await partnersPipeline(app, f);
    const inPartners = await f.clients.MEMBER.ok(CREATE, { input: { name: 'Reseller', pipelineId: partners.gid } });
    expect(inPartners.createDeal).toMatchObject({ pipeline: { name: 'Partners' }, stage: { name: 'Intro' }, status: 'OPEN' });
    const won = await f.clients.MEMBER.ok(CREATE, { input: { name: 'Done deal', pipelineId: sales.gid, stageId: sales.stage('Won').gid } });
    expect(won.createDeal).toMatchObject({ pipeline: { name: 'Sales' }, stage: { name: 'Won' }, status: 'WON' });
    expect(won.createDeal.closedAt).toBeTruthy();
    const byStage = await f.clients.MEMBER.ok(CREATE, { input: { name: 'Signed', stageId: partners.stageGids[1] } });
    expect(byStage.createDeal).toMatchObject({ pipeline: { name: 'Partners' }, stage: { name: 'Signed' }, status: 'WON' });
  });

  it('refuses a stage that does not belong to the named pipeline, and writes nothing', async () => {
    const { app, f, sales } = await withSales();
    const partners = await partnersPipeline(app, f);
    const result = await f.clients.MEMBER.gql(CREATE, { input: { name: 'Confused', pipelineId: sales.gid, stageId: partners.stageGids[0] } });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]).toMatchObject({ message: 'That stage belongs to another pipeline.', extensions: { field: 'input.stageId' } });
    expect(await app.prisma.deal.count()).toBe(0);
    expect(await app.prisma.dealStageChange.count()).toBe(0);
  });

  const foreign = async (app: TestApp, f: RolesFixture, kind: string): Promise<Record<string, unknown>> => {
    const elsewhere = await outsiderWorkspaceId(app, f);
    switch (kind) {
      case 'stage':
        return { stageId: (await salesPipeline(app, f, elsewhere)).stage('Lead').gid };
      case 'pipeline':
        return { pipelineId: (await salesPipeline(app, f, elsewhere)).gid };
      case 'company':
        return { companyId: globalId('Company', (await app.prisma.company.create({ data: { workspaceId: elsewhere, name: 'Far' } })).id) };
      case 'contact':
        return { contactIds: [globalId('Contact', (await app.prisma.contact.create({ data: { workspaceId: elsewhere, firstName: 'Far' } })).id)] };
      case 'tag':
        return { tagIds: [globalId('Tag', (await app.prisma.tag.create({ data: { workspaceId: elsewhere, name: 'far' } })).id)] };
      case 'owner':
        return { ownerId: globalId('User', f.users.OUTSIDER.id) };
      case 'private company':
        return {
          companyId: globalId(
            'Company',
            (await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Hidden', ownerId: f.users.ADMIN.id, visibility: 'PRIVATE' } })).id,
          ),
        };
      case 'trashed contact':
        return {
          contactIds: [
            globalId('Contact', (await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Gone', deletedAt: new Date() } })).id),
          ],
        };
      default:
        return {};
    }
  };

  it.each([
    ['a currency that is not ISO 4217', { currency: 'EURO' }, 'input.currency'],
    ['a made-up currency', { currency: 'ABC' }, 'input.currency'],
    ['a fractional amount', { amountMinor: '12.50' }, 'input.amountMinor'],
    ['a negative amount', { amountMinor: '-500' }, 'input.amountMinor'],
    ['an amount in exponent notation', { amountMinor: '1e6' }, 'input.amountMinor'],
    ['an amount too large for the column', { amountMinor: '9'.repeat(19) }, 'input.amountMinor'],
    ['a blank name', { name: '   ' }, 'input.name'],
    ['a stage from another workspace', 'stage', 'input.stageId'],
    ['a pipeline from another workspace', 'pipeline', 'input.pipelineId'],
    ['a company from another workspace', 'company', 'input.companyId'],
    ['a contact from another workspace', 'contact', 'input.contactIds'],
    ['a tag from another workspace', 'tag', 'input.tagIds'],
    ['an owner who is not a member', 'owner', 'input.ownerId'],
    ['a company private to someone else', 'private company', 'input.companyId'],
    ['a contact in the trash', 'trashed contact', 'input.contactIds'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_label, input, field: string) => {
    const { app, f } = await withSales();
    const extra = typeof input === 'string' ? await foreign(app, f, input) : input;
    const result = await f.clients.MEMBER.gql(CREATE, { input: { name: 'Deal', ...extra } });
    expectBadInput(result, field);
    expect(await app.prisma.deal.count()).toBe(0);
  });

  it('refuses an impossible close date written inline', async () => {
    const { app, f } = await withSales();
    const result = await f.clients.MEMBER.gql(`mutation { createDeal(input: { name: "Leap", expectedCloseDate: "2026-02-30" }) { id } }`);
    expect(errorCodes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(await app.prisma.deal.count()).toBe(0);
  });

  it('moves a deal through stages, recording each move and deriving status and close time', async () => {
    const { f, sales } = await withSales();
    const { createDeal } = await f.clients.MEMBER.ok(CREATE, { input: { name: 'Journey' } });
    const move = async (stage: string, actor: 'MEMBER' | 'ADMIN' = 'MEMBER') =>
      (await f.clients[actor].ok(MOVE, { id: createDeal.id, stage: sales.stage(stage).gid })).moveDeal;

    expect(await move('Proposal')).toMatchObject({ stage: { name: 'Proposal' }, status: 'OPEN', closedAt: null });
    const won = await move('Won', 'ADMIN');
    expect(won).toMatchObject({ status: 'WON' });
    expect(Date.now() - Date.parse(won.closedAt)).toBeLessThan(60_000);
    const lost = await move('Lost');
    expect(lost.status).toBe('LOST');
    expect(Date.parse(lost.closedAt)).toBeGreaterThanOrEqual(Date.parse(won.closedAt));
    const same = await move('Lost');
    expect(same.stageHistory).toHaveLength(4);
    const reopened = await move('Negotiation');
    expect(reopened).toMatchObject({ status: 'OPEN', closedAt: null });
    expect(
      reopened.stageHistory.map((h: { from: { name: string } | null; to: { name: string }; changedBy: { name: string } }) => [
        h.from?.name ?? null,
        h.to.name,
        h.changedBy.name,
      ]),
    ).toEqual([
      [null, 'Lead', 'Member Person'],
      ['Lead', 'Proposal', 'Member Person'],
      ['Proposal', 'Won', 'Admin Person'],
      ['Won', 'Lost', 'Member Person'],
      ['Lost', 'Negotiation', 'Member Person'],
    ]);
  });

  it('moves a deal to another pipeline only when told to, and never to another workspace', async () => {
    const { app, f } = await withSales();
    const partners = await partnersPipeline(app, f);
    const { createDeal } = await f.clients.MEMBER.ok(CREATE, { input: { name: 'Wanderer' } });

    const implicit = await f.clients.MEMBER.gql(MOVE, { id: createDeal.id, stage: partners.stageGids[1] });
    expect(errorCodes(implicit)).toEqual(['BAD_USER_INPUT']);
    expect(implicit.errors?.[0]?.message).toMatch(/pass its pipelineId/);

    const moved = await f.clients.MEMBER.ok(MOVE, { id: createDeal.id, stage: partners.stageGids[1], pipeline: partners.gid });
    expect(moved.moveDeal).toMatchObject({ pipeline: { name: 'Partners' }, stage: { name: 'Signed' }, status: 'WON' });

    const elsewhere = await salesPipeline(app, f, await outsiderWorkspaceId(app, f));
    const foreignMove = await f.clients.MEMBER.gql(MOVE, { id: createDeal.id, stage: elsewhere.stage('Won').gid });
    expect(errorCodes(foreignMove)).toEqual(['BAD_USER_INPUT']);
    expect(await app.prisma.dealStageChange.count()).toBe(2);
  });

  it('updates fields but not the stage; replacing contacts keeps links the editor cannot see', async () => {
    const { app, f, sales } = await withSales();
    const linked = await links(app, f);
    const hidden = await app.prisma.contact.create({
      data: { workspaceId: f.workspaceId, firstName: 'Secret', ownerId: f.users.ADMIN.id, visibility: 'PRIVATE' },
    });
    const other = await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Grace', lastName: 'Hopper' } });
    const { createDeal } = await f.clients.ADMIN.ok(CREATE, {
      input: { name: 'Shared', contactIds: [linked.contact, globalId('Contact', hidden.id)], amountMinor: '100', currency: 'USD' },
    });
    expect(createDeal.contacts.map((c: { name: string }) => c.name)).toEqual(['Ada Lovelace', 'Secret']);

    const update = `mutation($id: ID!, $input: DealInput!) { updateDeal(id: $id, input: $input) { ${DEAL_FIELDS} } }`;
    const updated = await f.clients.MEMBER.ok(update, {
      id: createDeal.id,
      input: { contactIds: [globalId('Contact', other.id)], amountMinor: '250000', currency: 'jpy', expectedCloseDate: '2027-01-15', tagIds: [linked.tag] },
    });
    expect(updated.updateDeal).toMatchObject({
      amountMinor: '250000',
      amount: '250000',
      currency: 'JPY',
      expectedCloseDate: '2027-01-15',
      contacts: [{ name: 'Grace Hopper' }],
      tags: [{ name: 'enterprise' }],
    });
    const seenByAdmin = await f.clients.ADMIN.ok(GET, { id: createDeal.id });
    expect(seenByAdmin.deal.contacts.map((c: { name: string }) => c.name)).toEqual(['Grace Hopper', 'Secret']);

    const cleared = await f.clients.MEMBER.ok(update, { id: createDeal.id, input: { amountMinor: null, expectedCloseDate: null } });
    expect(cleared.updateDeal).toMatchObject({ amountMinor: null, amount: null, expectedCloseDate: null, currency: 'JPY' });

    const restaged = await f.clients.MEMBER.gql(update, { id: createDeal.id, input: { stageId: sales.stage('Won').gid } });
    expect(errorCodes(restaged)).toEqual(['BAD_USER_INPUT']);
    expect(restaged.errors?.[0]?.message).toMatch(/moveDeal/);
    expect((await app.prisma.deal.findFirstOrThrow()).stageId).toBe(sales.stage('Lead').id);
  });

  it('lets viewers read but not write, and members delete only their own deals', async () => {
    const { app, f } = await withSales();
    expect(errorCodes(await f.clients.VIEWER.gql(CREATE, { input: { name: 'Nope' } }))).toEqual(['FORBIDDEN']);
    expect(await app.prisma.deal.count()).toBe(0);

    const mine = await dealIn(app, f, { name: 'Mine' });
    const admins = await dealIn(app, f, { name: 'Theirs', ownerId: f.users.ADMIN.id });
    const del = `mutation($id: ID!) { deleteDeal(id: $id) { deletedAt } }`;
    const restore = `mutation($id: ID!) { restoreDeal(id: $id) { deletedAt } }`;
    const list = async (trash = false) =>
      (await f.clients.MEMBER.ok(`query($trash: Boolean) { deals(trash: $trash) { totalCount edges { node { name } } } }`, { trash })).deals;

    expect(errorCodes(await f.clients.VIEWER.gql(`mutation($id: ID!) { moveDeal(id: $id, stageId: "x") { id } }`, { id: mine }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await f.clients.MEMBER.gql(del, { id: admins }))).toEqual(['FORBIDDEN']);
    expect((await f.clients.MEMBER.ok(del, { id: mine })).deleteDeal.deletedAt).toBeTruthy();
    expect(await list()).toMatchObject({ totalCount: 1, edges: [{ node: { name: 'Theirs' } }] });
    expect(await list(true)).toMatchObject({ totalCount: 1, edges: [{ node: { name: 'Mine' } }] });
    expect(errorCodes(await f.clients.MEMBER.gql(del, { id: mine }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await f.clients.MEMBER.gql(GET, { id: mine }))).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(
        await f.clients.MEMBER.gql(`mutation($id: ID!, $s: ID!) { moveDeal(id: $id, stageId: $s) { id } }`, {
          id: mine,
          s: (await salesPipeline(app, f)).stage('Won').gid,
        }),
      ),
    ).toEqual(['NOT_FOUND']);

    await f.clients.MEMBER.ok(restore, { id: mine });
    expect((await list()).totalCount).toBe(2);
    await app.prisma.deal.updateMany({ where: { name: 'Mine' }, data: { deletedAt: new Date(Date.now() - 31 * 864e5) } });
    expect(errorCodes(await f.clients.MEMBER.gql(restore, { id: mine }))).toEqual(['BAD_USER_INPUT']);
  });
});
