import { describe, expect, it } from 'vitest';
import type { Prisma } from '../../generated/prisma/client.js';
import { globalId, rolesFixture, type Actor, type RolesFixture } from '../../test/fixtures.js';
import { errorCodes, sameStatementCount, useTestApp, type TestApp } from '../../test/test-app.js';
import { partnersPipeline, salesPipeline } from '../pipelines/pipeline.matrix.js';

const getApp = useTestApp();

const LIST = `query($filter: DealFilter, $sort: DealSort, $first: Int, $after: String) {
  deals(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name } }
  }
}`;

type Names = { names: string[]; total: number };

async function names(f: RolesFixture, actor: Actor, variables: Record<string, unknown> = {}): Promise<Names> {
  const data = await f.clients[actor].ok(LIST, variables);
  return { names: data.deals.edges.map((e: { node: { name: string } }) => e.node.name), total: data.deals.totalCount };
}

/** Writes a deal straight to the database in the Sales pipeline's stage (Lead unless said otherwise). */
async function deal(app: TestApp, f: RolesFixture, data: Partial<Prisma.DealUncheckedCreateInput> & { name: string; stage?: string }) {
  const sales = await salesPipeline(app, f);
  const { stage, ...rest } = data;
  const stageRow = sales.stage(stage ?? 'Lead');
  return app.prisma.deal.create({
    data: {
      workspaceId: f.workspaceId,
      pipelineId: sales.id,
      stageId: stageRow.id,
      status: stageRow.isWon ? 'WON' : stageRow.isLost ? 'LOST' : 'OPEN',
      ownerId: f.users.MEMBER.id,
      createdById: f.users.MEMBER.id,
      ...rest,
    },
  });
}

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

async function fiveDeals(app: TestApp, f: RolesFixture) {
  const partners = await partnersPipeline(app, f);
  const company = await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Initech' } });
  const contact = await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Ada' } });
  const tag = await app.prisma.tag.create({ data: { workspaceId: f.workspaceId, name: 'hot' } });
  const partnersIntro = (await app.prisma.pipelineStage.findFirstOrThrow({ where: { name: 'Intro' } })).id;
  await deal(app, f, {
    name: 'Alpha',
    amountMinor: 1000n,
    currency: 'USD',
    createdAt: day('2026-01-01'),
    expectedCloseDate: day('2026-02-01'),
    companyId: company.id,
    tags: { connect: { id: tag.id } },
  });
  await deal(app, f, {
    name: 'bravo',
    amountMinor: 50000n,
    currency: 'EUR',
    stage: 'Won',
    ownerId: f.users.ADMIN.id,
    createdAt: day('2026-01-02'),
    expectedCloseDate: day('2026-03-15'),
    contacts: { create: { contactId: contact.id } },
  });
  await deal(app, f, { name: 'Charlie', stage: 'Lost', createdAt: day('2026-01-03') });
  await deal(app, f, {
    name: 'Delta',
    amountMinor: 20000n,
    currency: 'USD',
    createdAt: day('2026-01-04'),
    expectedCloseDate: day('2026-06-30'),
    pipelineId: (await app.prisma.pipeline.findFirstOrThrow({ where: { name: 'Partners' } })).id,
    stageId: partnersIntro,
  });
  await deal(app, f, {
    name: 'echo',
    amountMinor: 1000n,
    currency: 'USD',
    stage: 'Proposal',
    ownerId: f.users.ADMIN.id,
    createdAt: day('2026-01-05'),
    expectedCloseDate: day('2026-02-01'),
  });
  await deal(app, f, { name: 'Foxtrot (trashed)', amountMinor: 1000n, deletedAt: new Date() });
  return { partners, company: globalId('Company', company.id), contact: globalId('Contact', contact.id), tag: globalId('Tag', tag.id) };
}

describe('deal lists', () => {
  it('filters by owner, tag, pipeline, stage, status, company, contact, amount, currency, dates and text', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const ids = await fiveDeals(app, f);
    const sales = await salesPipeline(app, f);
    const filtered = async (filter: Record<string, unknown>) => names(f, 'VIEWER', { filter });

    expect(await names(f, 'VIEWER')).toEqual({ names: ['Alpha', 'bravo', 'Charlie', 'Delta', 'echo'], total: 5 });
    expect(await filtered({ ownerId: globalId('User', f.users.ADMIN.id) })).toEqual({ names: ['bravo', 'echo'], total: 2 });
    expect(await filtered({ tagId: ids.tag })).toEqual({ names: ['Alpha'], total: 1 });
    expect(await filtered({ pipelineId: ids.partners.gid })).toEqual({ names: ['Delta'], total: 1 });
    expect(await filtered({ stageId: sales.stage('Won').gid })).toEqual({ names: ['bravo'], total: 1 });
    expect(await filtered({ status: 'LOST' })).toEqual({ names: ['Charlie'], total: 1 });
    expect(await filtered({ status: 'OPEN', ownerId: globalId('User', f.users.MEMBER.id) })).toEqual({ names: ['Alpha', 'Delta'], total: 2 });
    expect(await filtered({ companyId: ids.company })).toEqual({ names: ['Alpha'], total: 1 });
    expect(await filtered({ contactId: ids.contact })).toEqual({ names: ['bravo'], total: 1 });
    expect(await filtered({ amount: { min: '1000', max: '20000' } })).toEqual({ names: ['Alpha', 'Delta', 'echo'], total: 3 });
    expect(await filtered({ amount: { min: '20001' } })).toEqual({ names: ['bravo'], total: 1 });
    expect(await filtered({ currency: 'eur' })).toEqual({ names: ['bravo'], total: 1 });
    expect(await filtered({ expectedCloseDate: { from: '2026-02-01', to: '2026-03-15' } })).toEqual({ names: ['Alpha', 'bravo', 'echo'], total: 3 });
    expect(await filtered({ createdAt: { from: '2026-01-03T00:00:00Z' } })).toEqual({ names: ['Charlie', 'Delta', 'echo'], total: 3 });
    expect(await filtered({ text: 'RAV' })).toEqual({ names: ['bravo'], total: 1 });

    expect(errorCodes(await f.clients.VIEWER.gql(LIST, { filter: { currency: 'dollars' } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await f.clients.VIEWER.gql(LIST, { filter: { amount: { min: '1.5' } } }))).toEqual(['BAD_USER_INPUT']);
  });

  it('sorts by name, dates and amount (missing values last) and pages with cursors', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await fiveDeals(app, f);
    const sorted = async (field: string, direction = 'ASC') => (await names(f, 'MEMBER', { sort: { field, direction } })).names;

    expect(await sorted('NAME', 'DESC')).toEqual(['echo', 'Delta', 'Charlie', 'bravo', 'Alpha']);
    expect(await sorted('CREATED_AT', 'DESC')).toEqual(['echo', 'Delta', 'Charlie', 'bravo', 'Alpha']);
    expect(await sorted('AMOUNT')).toEqual(['Alpha', 'echo', 'Delta', 'bravo', 'Charlie']);
    expect(await sorted('AMOUNT', 'DESC')).toEqual(['bravo', 'Delta', 'echo', 'Alpha', 'Charlie']);
    expect(await sorted('CLOSE_DATE')).toEqual(['Alpha', 'echo', 'bravo', 'Delta', 'Charlie']);
    expect(await sorted('CLOSE_DATE', 'DESC')).toEqual(['Delta', 'bravo', 'echo', 'Alpha', 'Charlie']);
    await app.prisma.deal.updateMany({ where: { name: 'Alpha' }, data: { customFields: { touched: true } } });
    expect((await sorted('UPDATED_AT', 'DESC'))[0]).toBe('Alpha');

    for (const [direction, expected] of [
      ['ASC', [['Alpha', 'echo'], ['Delta', 'bravo'], ['Charlie']]],
      ['DESC', [['bravo', 'Delta'], ['echo', 'Alpha'], ['Charlie']]],
    ] as const) {
      let after: string | null = null;
      const pages: string[][] = [];
      for (let i = 0; i < 3; i += 1) {
        const data: Record<string, any> = await f.clients.MEMBER.ok(LIST, { first: 2, after, sort: { field: 'AMOUNT', direction } });
        pages.push(data.deals.edges.map((e: { node: { name: string } }) => e.node.name));
        expect(data.deals.totalCount).toBe(5);
        expect(data.deals.pageInfo.hasNextPage).toBe(i < 2);
        after = data.deals.pageInfo.endCursor;
      }
      expect(pages).toEqual(expected);
    }
  });

  it('hides private deals from other members in lists, counts, deal, node, stage totals and company deals', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const company = await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Initech' } });
    const open = await deal(app, f, { name: 'Open', amountMinor: 1000n, currency: 'USD', companyId: company.id });
    const secret = await deal(app, f, {
      name: 'Secret',
      amountMinor: 5000n,
      currency: 'USD',
      companyId: company.id,
      ownerId: f.users.OWNER.id,
      visibility: 'PRIVATE',
    });
    await deal(app, f, { name: 'Euro', amountMinor: 250n, currency: 'EUR' });
    await deal(app, f, { name: 'Won one', amountMinor: 7n, currency: 'USD', stage: 'Won' });
    const change = await app.prisma.dealStageChange.create({ data: { workspaceId: f.workspaceId, dealId: secret.id, toStageId: secret.stageId } });
    const secretId = globalId('Deal', secret.id);

    const board = `{ pipelines { stages { name deals { totalCount edges { node { name } } } totalAmounts { currency amountMinor amount dealCount } } } }`;
    const companyDeals = `query($id: ID!) { company(id: $id) { deals { totalCount edges { node { name } } } } }`;
    const lead = async (actor: Actor) => (await f.clients[actor].ok(board)).pipelines[0].stages[0];

    for (const actor of ['MEMBER', 'VIEWER'] as const) {
      expect(await names(f, actor)).toEqual({ names: ['Euro', 'Open', 'Won one'], total: 3 });
      expect(errorCodes(await f.clients[actor].gql(`query($id: ID!) { deal(id: $id) { name } }`, { id: secretId }))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await f.clients[actor].gql(`query($id: ID!) { node(id: $id) { id } }`, { id: secretId }))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await f.clients[actor].gql(`query($id: ID!) { node(id: $id) { id } }`, { id: globalId('DealStageChange', change.id) }))).toEqual([
        'NOT_FOUND',
      ]);
      expect(await lead(actor)).toEqual({
        name: 'Lead',
        deals: { totalCount: 2, edges: [{ node: { name: 'Euro' } }, { node: { name: 'Open' } }] },
        totalAmounts: [
          { currency: 'EUR', amountMinor: '250', amount: '2.50', dealCount: 1 },
          { currency: 'USD', amountMinor: '1000', amount: '10.00', dealCount: 1 },
        ],
      });
      expect((await f.clients[actor].ok(companyDeals, { id: globalId('Company', company.id) })).company.deals).toEqual({
        totalCount: 1,
        edges: [{ node: { name: 'Open' } }],
      });
    }
    expect(errorCodes(await f.clients.MEMBER.gql(`mutation($id: ID!) { updateDeal(id: $id, input: { name: "Mine now" }) { id } }`, { id: secretId }))).toEqual([
      'NOT_FOUND',
    ]);

    for (const actor of ['OWNER', 'ADMIN'] as const) {
      expect((await names(f, actor)).total).toBe(4);
      expect((await lead(actor)).totalAmounts).toEqual([
        { currency: 'EUR', amountMinor: '250', amount: '2.50', dealCount: 1 },
        { currency: 'USD', amountMinor: '6000', amount: '60.00', dealCount: 2 },
      ]);
    }
    expect((await f.clients.ADMIN.ok(`query($id: ID!) { node(id: $id) { ... on Deal { name } } }`, { id: secretId })).node.name).toBe('Secret');

    // Shared with the viewer: visible everywhere to them.
    await app.prisma.recordShare.create({ data: { workspaceId: f.workspaceId, dealId: secret.id, userId: f.users.VIEWER.id } });
    expect((await names(f, 'VIEWER')).total).toBe(4);
    expect((await lead('VIEWER')).totalAmounts[1]).toEqual({ currency: 'USD', amountMinor: '6000', amount: '60.00', dealCount: 2 });

    // OWN_AND_SHARED: members see only their own deals and those shared with them.
    await app.prisma.workspace.update({ where: { id: f.workspaceId }, data: { recordPolicy: 'OWN_AND_SHARED' } });
    await app.prisma.deal.update({ where: { id: open.id }, data: { ownerId: f.users.ADMIN.id } });
    expect(await names(f, 'MEMBER')).toEqual({ names: ['Euro', 'Won one'], total: 2 });
    expect(await names(f, 'VIEWER')).toEqual({ names: ['Secret'], total: 1 });
  });

  it('shows linked contacts and companies only when the viewer may see them', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const hiddenCompany = await app.prisma.company.create({
      data: { workspaceId: f.workspaceId, name: 'Hidden Co', ownerId: f.users.ADMIN.id, visibility: 'PRIVATE' },
    });
    const seen = await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Seen' } });
    const hidden = await app.prisma.contact.create({
      data: { workspaceId: f.workspaceId, firstName: 'Hidden', ownerId: f.users.ADMIN.id, visibility: 'PRIVATE' },
    });
    const trashed = await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: 'Trashed', deletedAt: new Date() } });
    const row = await deal(app, f, {
      name: 'Linked',
      companyId: hiddenCompany.id,
      contacts: { create: [{ contactId: seen.id }, { contactId: hidden.id }, { contactId: trashed.id }] },
    });
    const query = `query($id: ID!) { deal(id: $id) { company { name } contacts { name } } }`;
    expect((await f.clients.VIEWER.ok(query, { id: globalId('Deal', row.id) })).deal).toEqual({ company: null, contacts: [{ name: 'Seen' }] });
    expect((await f.clients.ADMIN.ok(query, { id: globalId('Deal', row.id) })).deal).toEqual({
      company: { name: 'Hidden Co' },
      contacts: [{ name: 'Hidden' }, { name: 'Seen' }],
    });
  });

  it('lists a page of 50 deals with stage, contacts, company, owner and tags in a constant number of statements', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const sales = await salesPipeline(app, f);
    const tag = await app.prisma.tag.create({ data: { workspaceId: f.workspaceId, name: 't' } });
    const company = await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Initech' } });
    const seed = async (count: number, offset: number) => {
      for (let i = 0; i < count; i += 1) {
        const a = await app.prisma.contact.create({ data: { workspaceId: f.workspaceId, firstName: `A${offset + i}` } });
        const b = await app.prisma.contact.create({
          data: { workspaceId: f.workspaceId, firstName: `B${offset + i}`, ownerId: f.users.ADMIN.id, visibility: 'PRIVATE' },
        });
        await app.prisma.deal.create({
          data: {
            workspaceId: f.workspaceId,
            name: `Deal ${offset + i}`,
            pipelineId: sales.id,
            stageId: sales.stages[(offset + i) % sales.stages.length]!.id,
            amountMinor: BigInt(offset + i),
            ownerId: f.users.MEMBER.id,
            companyId: company.id,
            tags: { connect: { id: tag.id } },
            contacts: { create: [{ contactId: a.id }, { contactId: b.id }] },
          },
        });
      }
    };
    const page = `{ deals(first: 50) { totalCount edges { node { name amountMinor amount stage { name probability } pipeline { name } owner { name } company { name } contacts { name } tags { name } } } } }`;
    const large = await sameStatementCount(app, () => f.clients.VIEWER.ok(page), seed, [5, 0], [60, 5]);
    expect(large.result.deals.edges).toHaveLength(50);
    expect(large.result.deals.totalCount).toBe(65);
    expect(large.result.deals.edges[0].node.contacts).toHaveLength(1);
    // session, user, roles, teams, policy; deals and one query per relation; count; one visibility batch per model; co-members
    expect(large.statements.length).toBeLessThanOrEqual(18);
  });
});
