import { globalId, type Actor, type RolesFixture } from '../../test/fixtures.js';
import { as, byRole, listCase, readers, trashCases, writers, type MatrixCase } from '../../test/role-matrix.js';
import type { TestApp } from '../../test/test-app.js';
import { salesPipeline } from '../pipelines/pipeline.matrix.js';

/** A deal in the Lead stage of the Sales pipeline, owned and created by the MEMBER unless said otherwise. */
export async function dealIn(app: TestApp, f: RolesFixture, options: { ownerId?: string; deleted?: boolean; private?: boolean; name?: string } = {}) {
  const sales = await salesPipeline(app, f);
  const lead = sales.stage('Lead');
  const deal = await app.prisma.deal.create({
    data: {
      workspaceId: f.workspaceId,
      name: options.name ?? 'Big deal',
      pipelineId: sales.id,
      stageId: lead.id,
      amountMinor: 500_000n,
      currency: 'EUR',
      ownerId: options.ownerId ?? f.users.MEMBER.id,
      createdById: options.ownerId ?? f.users.MEMBER.id,
      visibility: options.private ? 'PRIVATE' : 'WORKSPACE',
      deletedAt: options.deleted ? new Date() : null,
    },
  });
  return globalId('Deal', deal.id);
}

type DealOptions = Parameters<typeof dealIn>[2];

const withDeal =
  (
    query: string,
    options: DealOptions & { owner?: Exclude<Actor, 'ANONYMOUS' | 'OUTSIDER'> } = {},
    extra: (sales: Awaited<ReturnType<typeof salesPipeline>>) => Record<string, unknown> = () => ({}),
  ) =>
  async (app: TestApp, f: RolesFixture, actor: Actor) => {
    const id = await dealIn(app, f, { ...options, ownerId: options.owner ? f.users[options.owner].id : undefined });
    return as(f, actor).gql(query, { id, ...extra(await salesPipeline(app, f)) });
  };

/** The first stage of a pipeline in the outsider's workspace: a well-formed ID from elsewhere. */
async function foreignStage(app: TestApp, f: RolesFixture) {
  const membership = await app.prisma.membership.findFirstOrThrow({ where: { userId: f.users.OUTSIDER.id } });
  return (await salesPipeline(app, f, membership.workspaceId)).stage('Lead').gid;
}

export const cases: MatrixCase[] = [
  listCase('deals', `{ deals { totalCount edges { node { name amountMinor stage { name } owner { name } contacts { name } } } } }`, dealIn),
  {
    kind: 'query',
    field: 'deal',
    run: withDeal(`query($id: ID!) { deal(id: $id) { name amount currency status stageHistory { to { name } } } }`),
    expect: readers(),
  },
  {
    kind: 'query',
    field: 'deal',
    run: withDeal(`query($id: ID!) { deal(id: $id) { name } }`, { private: true, owner: 'OWNER' }),
    expect: byRole('ok', 'ok', 'NOT_FOUND', 'NOT_FOUND'),
  },
  { kind: 'query', field: 'node', run: withDeal(`query($id: ID!) { node(id: $id) { id ... on Deal { name } } }`), expect: readers() },
  {
    kind: 'mutation',
    field: 'createDeal',
    run: async (app, f, actor) => {
      await salesPipeline(app, f);
      return as(f, actor).gql(`mutation { createDeal(input: { name: "Renewal", amountMinor: "120000", currency: "usd" }) { name stage { name } } }`);
    },
    expect: writers(),
  },
  {
    kind: 'mutation',
    field: 'createDeal',
    run: async (app, f, actor) => {
      await salesPipeline(app, f);
      return as(f, actor).gql(`mutation($stage: ID!) { createDeal(input: { name: "Sneaky", stageId: $stage }) { id } }`, { stage: await foreignStage(app, f) });
    },
    expect: byRole('BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'updateDeal',
    run: withDeal(`mutation($id: ID!) { updateDeal(id: $id, input: { amountMinor: "990000" }) { amountMinor } }`),
    expect: writers(),
  },
  {
    kind: 'mutation',
    field: 'moveDeal',
    run: withDeal(`mutation($id: ID!, $stage: ID!) { moveDeal(id: $id, stageId: $stage) { status } }`, {}, (sales) => ({ stage: sales.stage('Won').gid })),
    expect: writers(),
  },
  ...trashCases('Deal', withDeal, { owner: 'OWNER' }, { deleted: true }),
];
