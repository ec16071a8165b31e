import { globalId, type RolesFixture } from '../../test/fixtures.js';
import { byRole, createUpdateCases, gql, listCase, readers, trashCases, withRecord, type MatrixCase } from '../../test/role-matrix.js';
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

const withCommunication = withRecord(communicationIn);

export const cases: MatrixCase[] = [
  listCase('communications', `{ communications { totalCount edges { node { subject body owner { name } } } } }`, communicationIn),
  { kind: 'query', field: 'communication', run: withCommunication(`query($id: ID!) { communication(id: $id) { subject } }`), expect: readers() },
  {
    kind: 'query',
    field: 'communication',
    run: withCommunication(`query($id: ID!) { communication(id: $id) { subject } }`, { owner: 'OWNER', private: true }),
    expect: byRole('ok', 'ok', 'NOT_FOUND', 'NOT_FOUND'),
  },
  ...createUpdateCases(
    'Communication',
    gql(`mutation { createCommunication(input: { kind: CALL, direction: OUTBOUND, toAddresses: ["+1 415 555 0132"], durationSeconds: 60 }) { id } }`),
    withCommunication(`mutation($id: ID!) { updateCommunication(id: $id, input: { subject: "Re: Pricing" }) { subject } }`),
  ),
  ...trashCases('Communication', withCommunication, { owner: 'OWNER' }, { deleted: true }),
];
