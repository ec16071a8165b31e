import { apiKeyFor, globalId, type RolesFixture } from '../../test/fixtures.js';
import { admins, as, gql, type MatrixCase } from '../../test/role-matrix.js';
import type { TestApp } from '../../test/test-app.js';

/** A VIEWER key of the Acme workspace, made by its admin: every admin may manage it. */
async function viewerKeyGid(app: TestApp, f: RolesFixture) {
  const { apiKey } = await apiKeyFor(app, f.users.ADMIN.id, f.workspaceId, 'VIEWER');
  return globalId('ApiKey', apiKey.id);
}

// Keys are managed by people: an API key, whatever its role, may not create, rotate or revoke keys.
export const cases: MatrixCase[] = [
  { kind: 'query', field: 'apiKeys', run: gql(`{ apiKeys { edges { node { name role prefix } } } }`), expect: admins(), keys: 'FORBIDDEN' },
  {
    kind: 'mutation',
    field: 'createApiKey',
    run: gql(`mutation { createApiKey(input: { name: "Zapier", role: VIEWER }) { secret apiKey { prefix } } }`),
    expect: admins(),
    keys: 'FORBIDDEN',
  },
  {
    kind: 'mutation',
    field: 'rotateApiKey',
    run: async (app, f, actor) => as(f, actor).gql(`mutation($id: ID!) { rotateApiKey(id: $id) { secret } }`, { id: await viewerKeyGid(app, f) }),
    expect: admins(),
    keys: 'FORBIDDEN',
  },
  {
    kind: 'mutation',
    field: 'revokeApiKey',
    run: async (app, f, actor) => as(f, actor).gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: await viewerKeyGid(app, f) }),
    expect: admins(),
    keys: 'FORBIDDEN',
  },
];
