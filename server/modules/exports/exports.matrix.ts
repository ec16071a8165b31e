import { admins, gql, type MatrixCase } from '../../test/role-matrix.js';

export const cases: MatrixCase[] = [
  { kind: 'query', field: 'workspaceExports', run: gql(`{ workspaceExports { edges { node { status } } } }`), expect: admins() },
  { kind: 'mutation', field: 'requestWorkspaceExport', run: gql(`mutation { requestWorkspaceExport(format: JSON) { status } }`), expect: admins() },
];
