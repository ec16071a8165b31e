import { as, readers, type MatrixCase } from '../../test/role-matrix.js';
import { contactRow } from '../../test/record-fixtures.js';

export const cases: MatrixCase[] = [
  {
    kind: 'query',
    field: 'search',
    run: async (app, f, actor) => {
      await contactRow(app, f, { name: 'Searchable' });
      return as(f, actor).gql(`{ search(query: "searchable") { totalCount edges { node { title record { __typename } } } } }`);
    },
    expect: readers(),
  },
];
