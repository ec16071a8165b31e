import { globalId, type Actor, type RolesFixture } from '../../test/fixtures.js';
import { as, byRole, readers, writers, type MatrixCase } from '../../test/role-matrix.js';
import type { TestApp } from '../../test/test-app.js';

/** An inbound email owned by the MEMBER unless said otherwise. */
export async function communicationIn(app: TestApp, f: RolesFixture, options: { owner?: 'OWNER' | 'MEMBER'; deleted?: boolean; private?: boolean } = {}) {
  const ownerId = f.users[options.owner ?? 'MEMBER'].id;
  const row = await app.prisma.communication.create({
    data: {
      workspaceId: f.workspaceId,
      kind: 'EMAIL',
      direction: 'INBOUND',
      fromAddress: 'ada@example.com',
      toAddresses: ['sales@acme.test'],
      subject: 'Pricing',
      body: 'What does it cost?',
      occurredAt: new Date(),
      ownerId,
      createdById: ownerId,
      visibility: options.private ? 'PRIVATE' : 'WORKSPACE',
      deletedAt: options.deleted ? new Date() : null,
    },
  });
  return globalId('Communication', row.id);
}

const withCommunication =
  (query: string, options: Parameters<typeof communicationIn>[2] = {}) =>
  async (app: TestApp, f: RolesFixture, actor: Actor) =>
    as(f, actor).gql(query, { id: await communicationIn(app, f, options) });

export const cases: MatrixCase[] = [
  {
    kind: 'query',
    field: 'communications',
    run: async (app, f, actor) => {
      await communicationIn(app, f);
      return as(f, actor).gql(`{ communications { totalCount edges { node { subject body owner { name } } } } }`);
    },
    expect: readers(),
  },
  { kind: 'query', field: 'communication', run: withCommunication(`query($id: ID!) { communication(id: $id) { subject } }`), expect: readers() },
  {
    kind: 'query',
    field: 'communication',
    run: withCommunication(`query($id: ID!) { communication(id: $id) { subject } }`, { owner: 'OWNER', private: true }),
    expect: byRole('ok', 'ok', 'NOT_FOUND', 'NOT_FOUND'),
  },
  {
    kind: 'mutation',
    field: 'createCommunication',
    run: (_app, f, actor) =>
      as(f, actor).gql(
        `mutation { createCommunication(input: { kind: CALL, direction: OUTBOUND, toAddresses: ["+1 415 555 0132"], durationSeconds: 60 }) { id } }`,
      ),
    expect: writers(),
  },
  {
    kind: 'mutation',
    field: 'updateCommunication',
    run: withCommunication(`mutation($id: ID!) { updateCommunication(id: $id, input: { subject: "Re: Pricing" }) { subject } }`),
    expect: writers(),
  },
  {
    kind: 'mutation',
    field: 'deleteCommunication',
    run: withCommunication(`mutation($id: ID!) { deleteCommunication(id: $id) { deletedAt } }`),
    expect: byRole('ok', 'ok', 'ok', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'deleteCommunication',
    run: withCommunication(`mutation($id: ID!) { deleteCommunication(id: $id) { deletedAt } }`, { owner: 'OWNER' }),
    expect: byRole('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'restoreCommunication',
    run: withCommunication(`mutation($id: ID!) { restoreCommunication(id: $id) { deletedAt } }`, { deleted: true }),
    expect: byRole('ok', 'ok', 'ok', 'FORBIDDEN'),
  },
];
