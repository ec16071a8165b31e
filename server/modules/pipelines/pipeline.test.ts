import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture, verifiedUser } from '../../test/fixtures.js';
import { errorCodes, useTestApp } from '../../test/test-app.js';
import { dealIn } from '../deals/deal.matrix.js';
import { partnersPipeline, salesPipeline } from './pipeline.matrix.js';

const getApp = useTestApp();

const PIPELINES = `{ pipelines { id name isDefault position stages { id name position probability isWon isLost } } }`;

interface StageRow {
  id: string;
  name: string;
  position: number;
  probability: number;
  isWon: boolean;
  isLost: boolean;
}
interface PipelineRow {
  id: string;
  name: string;
  isDefault: boolean;
  position: number;
  stages: StageRow[];
}

const stageNames = (pipeline: PipelineRow) => pipeline.stages.map((s) => s.name);

describe('pipelines', () => {
  it('gives every new workspace the default Sales pipeline, at sign-up and on createWorkspace', async () => {
    const app = getApp();
    const { client } = await verifiedUser(app);
    const { pipelines } = await client.ok<{ pipelines: PipelineRow[] }>(PIPELINES);
    expect(pipelines).toHaveLength(1);
    expect(pipelines[0]).toMatchObject({ name: 'Sales', isDefault: true, position: 0 });
    expect(pipelines[0]!.stages.map(({ name, position, probability, isWon, isLost }) => ({ name, position, probability, isWon, isLost }))).toEqual([
      { name: 'Lead', position: 0, probability: 10, isWon: false, isLost: false },
      { name: 'Qualified', position: 1, probability: 25, isWon: false, isLost: false },
      { name: 'Proposal', position: 2, probability: 50, isWon: false, isLost: false },
      { name: 'Negotiation', position: 3, probability: 75, isWon: false, isLost: false },
      { name: 'Won', position: 4, probability: 100, isWon: true, isLost: false },
      { name: 'Lost', position: 5, probability: 0, isWon: false, isLost: true },
    ]);

    const created = await client.ok(`mutation { createWorkspace(name: "Second") { id } }`);
    const second = await client.ok<{ pipelines: PipelineRow[] }>(`query($w: ID!) { pipelines(workspaceId: $w) { name isDefault stages { name } } }`, {
      w: created.createWorkspace.id,
    });
    expect(second.pipelines).toEqual([
      {
        name: 'Sales',
        isDefault: true,
        stages: [{ name: 'Lead' }, { name: 'Qualified' }, { name: 'Proposal' }, { name: 'Negotiation' }, { name: 'Won' }, { name: 'Lost' }],
      },
    ]);
    expect(await app.prisma.pipeline.count()).toBe(2);
  });

  it('creates pipelines with ordered stages; the first one is not the default while another exists', async () => {
    const f = await rolesFixture(getApp());
    await salesPipeline(getApp(), f);
    const result = await f.clients.ADMIN.ok(
      `mutation($input: PipelineInput!) { createPipeline(input: $input) { name isDefault position stages { name position probability isWon } } }`,
      { input: { name: ' Hiring ', stages: [{ name: 'Applied', probability: 5 }, { name: 'Interview' }, { name: 'Hired', probability: 100, isWon: true }] } },
    );
    expect(result.createPipeline).toEqual({
      name: 'Hiring',
      isDefault: false,
      position: 1,
      stages: [
        { name: 'Applied', position: 0, probability: 5, isWon: false },
        { name: 'Interview', position: 1, probability: 0, isWon: false },
        { name: 'Hired', position: 2, probability: 100, isWon: true },
      ],
    });
  });

  it.each([
    ['no stages', { name: 'X', stages: [] }],
    ['a stage both won and lost', { name: 'X', stages: [{ name: 'Odd', isWon: true, isLost: true }] }],
    ['a probability over 100', { name: 'X', stages: [{ name: 'Sure', probability: 101 }] }],
    ['a negative probability', { name: 'X', stages: [{ name: 'Meh', probability: -1 }] }],
    ['two stages with the same name', { name: 'X', stages: [{ name: 'Lead' }, { name: 'lead ' }] }],
    ['a blank stage name', { name: 'X', stages: [{ name: '  ' }] }],
    ['a blank name', { name: ' ', stages: [{ name: 'A' }] }],
    ['a taken name', { name: 'Sales', stages: [{ name: 'A' }] }],
    ['31 stages', { name: 'X', stages: Array.from({ length: 31 }, (_, i) => ({ name: `S${i}` })) }],
  ])('refuses a pipeline with %s (BAD_USER_INPUT) and writes nothing', async (_label, input) => {
    const app = getApp();
    const f = await rolesFixture(app);
    await salesPipeline(app, f);
    const result = await f.clients.ADMIN.gql(`mutation($input: PipelineInput!) { createPipeline(input: $input) { id } }`, { input });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(await app.prisma.pipeline.count()).toBe(1);
    expect(await app.prisma.pipelineStage.count()).toBe(6);
  });

  it('lets only admins and owners manage pipelines; members and viewers read them', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const sales = await salesPipeline(app, f);
    const rename = `mutation($id: ID!) { updatePipeline(id: $id, input: { name: "Deals" }) { name } }`;
    expect(errorCodes(await f.clients.MEMBER.gql(rename, { id: sales.gid }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await f.clients.VIEWER.gql(`mutation($id: ID!) { deleteStage(id: $id) { id } }`, { id: sales.stage('Lead').gid }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await f.clients.OUTSIDER.gql(rename, { id: sales.gid }))).toEqual(['NOT_FOUND']);
    expect((await f.clients.VIEWER.ok<{ pipelines: PipelineRow[] }>(PIPELINES)).pipelines[0]!.name).toBe('Sales');
    expect((await f.clients.ADMIN.ok(rename, { id: sales.gid })).updatePipeline.name).toBe('Deals');
  });

  it('moves the default to another pipeline, and never leaves a workspace without one', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const sales = await salesPipeline(app, f);
    const partners = await partnersPipeline(app, f);
    const setDefault = `mutation($id: ID!, $on: Boolean!) { updatePipeline(id: $id, input: { isDefault: $on }) { name isDefault } }`;

    expect(errorCodes(await f.clients.ADMIN.gql(setDefault, { id: sales.gid, on: false }))).toEqual(['BAD_USER_INPUT']);
    await f.clients.ADMIN.ok(setDefault, { id: partners.gid, on: true });
    const { pipelines } = await f.clients.ADMIN.ok<{ pipelines: PipelineRow[] }>(PIPELINES);
    expect(pipelines.map((p) => [p.name, p.isDefault])).toEqual([
      ['Sales', false],
      ['Partners', true],
    ]);

    // Deleting the default hands it on; the last pipeline cannot be deleted.
    await f.clients.ADMIN.ok(`mutation($id: ID!) { deletePipeline(id: $id) }`, { id: partners.gid });
    expect((await f.clients.ADMIN.ok<{ pipelines: PipelineRow[] }>(PIPELINES)).pipelines.map((p) => [p.name, p.isDefault])).toEqual([['Sales', true]]);
    const last = await f.clients.ADMIN.gql(`mutation($id: ID!) { deletePipeline(id: $id) }`, { id: sales.gid });
    expect(errorCodes(last)).toEqual(['BAD_USER_INPUT']);
    expect(last.errors?.[0]?.message).toMatch(/at least one pipeline/);
  });

  it('refuses to delete a pipeline while deals use it, even from the trash', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    await partnersPipeline(app, f);
    const sales = await salesPipeline(app, f);
    await dealIn(app, f, { deleted: true });
    const result = await f.clients.OWNER.gql(`mutation($id: ID!) { deletePipeline(id: $id) }`, { id: sales.gid });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(/1 deal is in this pipeline/);
    expect(await app.prisma.pipeline.count()).toBe(2);
  });

  it('adds, reorders and deletes stages, keeping positions 0..n-1', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const sales = await salesPipeline(app, f);
    const admin = f.clients.ADMIN;

    const added = await admin.ok(
      `mutation($id: ID!) { addStage(pipelineId: $id, input: { name: "Demo", probability: 40 }, position: 2) { id position pipeline { name } } }`,
      { id: sales.gid },
    );
    expect(added.addStage).toMatchObject({ position: 2, pipeline: { name: 'Sales' } });
    const appended = await admin.ok(`mutation($id: ID!) { addStage(pipelineId: $id, input: { name: "On hold" }, position: 99) { position } }`, {
      id: sales.gid,
    });
    expect(appended.addStage.position).toBe(7);
    let [pipeline] = (await admin.ok<{ pipelines: PipelineRow[] }>(PIPELINES)).pipelines;
    expect(stageNames(pipeline!)).toEqual(['Lead', 'Qualified', 'Demo', 'Proposal', 'Negotiation', 'Won', 'Lost', 'On hold']);
    expect(pipeline!.stages.map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);

    const duplicate = await admin.gql(`mutation($id: ID!) { addStage(pipelineId: $id, input: { name: "demo" }) { id } }`, { id: sales.gid });
    expect(errorCodes(duplicate)).toEqual(['BAD_USER_INPUT']);

    const reversed = [...pipeline!.stages].reverse().map((s) => s.id);
    const reordered = await admin.ok(`mutation($id: ID!, $ids: [ID!]!) { reorderStages(pipelineId: $id, stageIds: $ids) { stages { name position } } }`, {
      id: sales.gid,
      ids: reversed,
    });
    expect(reordered.reorderStages.stages.map((s: StageRow) => s.name)).toEqual([
      'On hold',
      'Lost',
      'Won',
      'Negotiation',
      'Proposal',
      'Demo',
      'Qualified',
      'Lead',
    ]);
    expect(reordered.reorderStages.stages.map((s: StageRow) => s.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);

    const deleted = await admin.ok(`mutation($id: ID!) { deleteStage(id: $id) { stages { name position } } }`, { id: added.addStage.id });
    expect(deleted.deleteStage.stages.map((s: StageRow) => `${s.position}:${s.name}`)).toEqual([
      '0:On hold',
      '1:Lost',
      '2:Won',
      '3:Negotiation',
      '4:Proposal',
      '5:Qualified',
      '6:Lead',
    ]);
    [pipeline] = (await admin.ok<{ pipelines: PipelineRow[] }>(PIPELINES)).pipelines;
    expect(pipeline!.stages).toHaveLength(7);
  });

  it('refuses a reorder that leaves out, repeats or borrows stages', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const sales = await salesPipeline(app, f);
    const partners = await partnersPipeline(app, f);
    const ids = sales.stages.map((s) => globalId('PipelineStage', s.id));
    const reorder = (stageIds: string[]) =>
      f.clients.ADMIN.gql(`mutation($id: ID!, $ids: [ID!]!) { reorderStages(pipelineId: $id, stageIds: $ids) { id } }`, { id: sales.gid, ids: stageIds });
    expect(errorCodes(await reorder(ids.slice(1)))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await reorder([ids[0]!, ...ids.slice(0, -1)]))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await reorder([partners.stageGids[0]!, ...ids.slice(1)]))).toEqual(['BAD_USER_INPUT']);
    const positions = await app.prisma.pipelineStage.findMany({ where: { pipelineId: sales.id }, orderBy: { position: 'asc' }, select: { name: true } });
    expect(positions.map((s) => s.name)).toEqual(['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost']);
  });

  it('refuses to delete a stage with deals unless they move to another stage of the pipeline, recording each move', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const sales = await salesPipeline(app, f);
    const partners = await partnersPipeline(app, f);
    const dealId = await dealIn(app, f);
    await dealIn(app, f, { name: 'Trashed', deleted: true });
    const lead = sales.stage('Lead').gid;
    const del = `mutation($id: ID!, $to: ID) { deleteStage(id: $id, moveDealsTo: $to) { stages { name } } }`;

    const refused = await f.clients.ADMIN.gql(del, { id: lead });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0]?.message).toMatch(/2 deals are in this stage/);
    expect(errorCodes(await f.clients.ADMIN.gql(del, { id: lead, to: partners.stageGids[0] }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await f.clients.ADMIN.gql(del, { id: lead, to: lead }))).toEqual(['BAD_USER_INPUT']);
    expect(await app.prisma.pipelineStage.count({ where: { pipelineId: sales.id } })).toBe(6);

    const moved = await f.clients.ADMIN.ok(del, { id: lead, to: sales.stage('Won').gid });
    expect(moved.deleteStage.stages.map((s: StageRow) => s.name)).toEqual(['Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost']);
    const deal = await f.clients.ADMIN.ok(
      `query($id: ID!) { deal(id: $id) { status closedAt stage { name } stageHistory { from { name } to { name } changedBy { name } } } }`,
      { id: dealId },
    );
    expect(deal.deal).toMatchObject({
      status: 'WON',
      stage: { name: 'Won' },
      stageHistory: [{ from: null, to: { name: 'Won' }, changedBy: { name: 'Admin Person' } }],
    });
    expect(deal.deal.closedAt).toBeTruthy();
    expect(await app.prisma.deal.count({ where: { stageId: sales.stage('Won').id } })).toBe(2);
  });

  it('keeps every move of a deal, with the stage names of the time, after its stages are renamed or deleted', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const sales = await salesPipeline(app, f);
    const admin = f.clients.ADMIN;
    const { createDeal } = await f.clients.MEMBER.ok(`mutation { createDeal(input: { name: "Journey" }) { id } }`);
    const move = (stage: string) =>
      f.clients.MEMBER.ok(`mutation($id: ID!, $s: ID!) { moveDeal(id: $id, stageId: $s) { id } }`, { id: createDeal.id, s: sales.stage(stage).gid });
    await move('Qualified');
    await move('Proposal');

    await admin.ok(`mutation($id: ID!) { updateStage(id: $id, input: { name: "Inbound" }) { id } }`, { id: sales.stage('Lead').gid });
    // The deal is in Proposal: its deals move to Negotiation, and that move is recorded too.
    const del = `mutation($id: ID!, $to: ID) { deleteStage(id: $id, moveDealsTo: $to) { stages { name } } }`;
    await admin.ok(del, { id: sales.stage('Proposal').gid, to: sales.stage('Negotiation').gid });
    await admin.ok(del, { id: sales.stage('Qualified').gid });
    expect(await app.prisma.pipelineStage.count({ where: { pipelineId: sales.id } })).toBe(4);

    const { deal } = await admin.ok(
      `query($id: ID!) { deal(id: $id) { stage { name } stageHistory { fromStageName toStageName from { name } to { name } changedBy { name } } } }`,
      { id: createDeal.id },
    );
    expect(deal.stage).toEqual({ name: 'Negotiation' });
    expect(deal.stageHistory).toEqual([
      { fromStageName: null, toStageName: 'Lead', from: null, to: { name: 'Inbound' }, changedBy: { name: 'Member Person' } },
      { fromStageName: 'Lead', toStageName: 'Qualified', from: { name: 'Inbound' }, to: null, changedBy: { name: 'Member Person' } },
      { fromStageName: 'Qualified', toStageName: 'Proposal', from: null, to: null, changedBy: { name: 'Member Person' } },
      { fromStageName: 'Proposal', toStageName: 'Negotiation', from: null, to: { name: 'Negotiation' }, changedBy: { name: 'Admin Person' } },
    ]);
    expect(await app.prisma.dealStageChange.count()).toBe(4);
  });

  it('refuses to delete the last stage of a pipeline', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const partners = await partnersPipeline(app, f);
    await f.clients.ADMIN.ok(`mutation($id: ID!) { deleteStage(id: $id) { id } }`, { id: partners.stageGids[0] });
    const result = await f.clients.ADMIN.gql(`mutation($id: ID!) { deleteStage(id: $id) { id } }`, { id: partners.stageGids[1] });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(/at least one stage/);
  });

  it('re-derives the status of deals in a stage whose won/lost flags change', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const sales = await salesPipeline(app, f);
    const dealId = await dealIn(app, f);
    const update = `mutation($id: ID!, $input: StageUpdateInput!) { updateStage(id: $id, input: $input) { name probability isWon isLost } }`;
    const status = async () => (await f.clients.MEMBER.ok(`query($id: ID!) { deal(id: $id) { status closedAt } }`, { id: dealId })).deal;

    const won = await f.clients.ADMIN.ok(update, { id: sales.stage('Lead').gid, input: { isWon: true, probability: 100, name: 'Closed early' } });
    expect(won.updateStage).toEqual({ name: 'Closed early', probability: 100, isWon: true, isLost: false });
    expect((await status()).status).toBe('WON');
    expect((await status()).closedAt).toBeTruthy();

    const lost = await f.clients.ADMIN.ok(update, { id: sales.stage('Lead').gid, input: { isLost: true } });
    expect(lost.updateStage).toMatchObject({ isWon: false, isLost: true });
    expect((await status()).status).toBe('LOST');

    await f.clients.ADMIN.ok(update, { id: sales.stage('Lead').gid, input: { isLost: false } });
    expect(await status()).toEqual({ status: 'OPEN', closedAt: null });

    expect(errorCodes(await f.clients.ADMIN.gql(update, { id: sales.stage('Lead').gid, input: { isWon: true, isLost: true } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await f.clients.ADMIN.gql(update, { id: sales.stage('Lead').gid, input: { name: 'qualified' } }))).toEqual(['BAD_USER_INPUT']);
  });

  it("reads another workspace's pipelines and stages as not found", async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const sales = await salesPipeline(app, f);
    const outsider = f.clients.OUTSIDER;
    outsider.workspaceId = f.otherWorkspaceGid;
    expect(errorCodes(await outsider.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: sales.stage('Lead').gid }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await outsider.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: sales.gid }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await outsider.gql(`query($w: ID!) { pipelines(workspaceId: $w) { id } }`, { w: f.workspaceGid }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await outsider.gql(`mutation($id: ID!) { addStage(pipelineId: $id, input: { name: "Spy" }) { id } }`, { id: sales.gid }))).toEqual([
      'NOT_FOUND',
    ]);
  });
});
