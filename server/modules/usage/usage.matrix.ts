import { byRole, gql, signedIn, type MatrixCase } from '../../test/role-matrix.js';

export const cases: MatrixCase[] = [
  {
    kind: 'query',
    field: 'workspaceUsage',
    run: (_app, f, actor) => gql(`query($w: ID) { workspaceUsage(workspaceId: $w) { apiCalls activeUsers } }`, { w: f.workspaceGid })(_app, f, actor),
    expect: byRole('ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  { kind: 'query', field: 'myUsage', run: gql(`{ myUsage(first: 5) { edges { node { kind name } } } }`), expect: signedIn('ok'), keys: 'FORBIDDEN' },
  { kind: 'mutation', field: 'recordPageView', run: gql(`mutation { recordPageView(path: "/contacts") }`), expect: signedIn('ok'), keys: 'FORBIDDEN' },
];
