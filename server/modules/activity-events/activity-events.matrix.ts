import { gql, readers, type MatrixCase } from '../../test/role-matrix.js';

export const cases: MatrixCase[] = [
  { kind: 'query', field: 'activityEvents', run: gql(`{ activityEvents(first: 5) { edges { node { sequence verb } } } }`), expect: readers() },
];
