import { globalId, type RolesFixture } from '../../test/fixtures.js';
import { admins, as, readers, type MatrixCase } from '../../test/role-matrix.js';
import type { TestApp } from '../../test/test-app.js';
import { createDefaultPipeline } from './pipeline.service.js';

/**
 * The default "Sales" pipeline of the fixture workspace (rolesFixture writes workspaces straight to the
 * database, so it has none until this creates it), with global IDs for it and its stages.
 */
export async function salesPipeline(app: TestApp, f: RolesFixture, workspaceId = f.workspaceId) {
  const pipeline = (await app.prisma.pipeline.findFirst({ where: { workspaceId, name: 'Sales' } })) ?? (await createDefaultPipeline(app.prisma, workspaceId));
  const stages = await app.prisma.pipelineStage.findMany({ where: { pipelineId: pipeline.id }, orderBy: { position: 'asc' } });
  const stage = (name: string) => {
    const row = stages.find((s) => s.name === name);
    if (!row) throw new Error(`No stage ${name}`);
    return { ...row, gid: globalId('PipelineStage', row.id) };
  };
  return { id: pipeline.id, gid: globalId('Pipeline', pipeline.id), stages, stage };
}

/** A second, empty pipeline with two stages. */
export async function partnersPipeline(app: TestApp, f: RolesFixture) {
  await salesPipeline(app, f);
  const pipeline = await app.prisma.pipeline.create({
    data: {
      workspaceId: f.workspaceId,
      name: 'Partners',
      position: 1,
      stages: {
        create: [
          { workspaceId: f.workspaceId, name: 'Intro', position: 0 },
          { workspaceId: f.workspaceId, name: 'Signed', position: 1, isWon: true },
        ],
      },
    },
    include: { stages: { orderBy: { position: 'asc' } } },
  });
  return { gid: globalId('Pipeline', pipeline.id), stageGids: pipeline.stages.map((s) => globalId('PipelineStage', s.id)) };
}

const onSales =
  (query: string, variables: (p: Awaited<ReturnType<typeof salesPipeline>>) => Record<string, unknown>) =>
  async (app: TestApp, f: RolesFixture, actor: Parameters<typeof as>[1]) =>
    as(f, actor).gql(query, variables(await salesPipeline(app, f)));

export const cases: MatrixCase[] = [
  { kind: 'query', field: 'pipelines', run: onSales(`{ pipelines { name isDefault stages { name probability } } }`, () => ({})), expect: readers() },
  {
    kind: 'query',
    field: 'node',
    run: onSales(`query($id: ID!) { node(id: $id) { id ... on PipelineStage { name pipeline { name } } } }`, (p) => ({ id: p.stage('Lead').gid })),
    expect: readers(),
  },
  {
    kind: 'mutation',
    field: 'createPipeline',
    run: (_app, f, actor) =>
      as(f, actor).gql(`mutation { createPipeline(input: { name: "Hiring", stages: [{ name: "Applied" }, { name: "Hired", isWon: true }] }) { name } }`),
    expect: admins(),
  },
  {
    kind: 'mutation',
    field: 'updatePipeline',
    run: onSales(`mutation($id: ID!) { updatePipeline(id: $id, input: { name: "New business" }) { name } }`, (p) => ({ id: p.gid })),
    expect: admins(),
  },
  {
    kind: 'mutation',
    field: 'deletePipeline',
    run: async (app, f, actor) => as(f, actor).gql(`mutation($id: ID!) { deletePipeline(id: $id) }`, { id: (await partnersPipeline(app, f)).gid }),
    expect: admins(),
  },
  {
    kind: 'mutation',
    field: 'addStage',
    run: onSales(`mutation($id: ID!) { addStage(pipelineId: $id, input: { name: "Demo", probability: 40 }, position: 2) { position } }`, (p) => ({
      id: p.gid,
    })),
    expect: admins(),
  },
  {
    kind: 'mutation',
    field: 'updateStage',
    run: onSales(`mutation($id: ID!) { updateStage(id: $id, input: { probability: 15 }) { probability } }`, (p) => ({ id: p.stage('Lead').gid })),
    expect: admins(),
  },
  {
    kind: 'mutation',
    field: 'reorderStages',
    run: onSales(`mutation($id: ID!, $ids: [ID!]!) { reorderStages(pipelineId: $id, stageIds: $ids) { stages { name } } }`, (p) => ({
      id: p.gid,
      ids: [...p.stages].reverse().map((s) => globalId('PipelineStage', s.id)),
    })),
    expect: admins(),
  },
  {
    kind: 'mutation',
    field: 'deleteStage',
    run: onSales(`mutation($id: ID!) { deleteStage(id: $id) { stages { name } } }`, (p) => ({ id: p.stage('Qualified').gid })),
    expect: admins(),
  },
];
