import { admins, gql, type MatrixCase } from '../../test/role-matrix.js';

export const cases: MatrixCase[] = [{ kind: 'query', field: 'auditLog', run: gql(`{ auditLog { totalCount edges { node { action } } } }`), expect: admins() }];
