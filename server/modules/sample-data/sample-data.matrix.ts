import { admins, gql, readers, type MatrixCase } from '../../test/role-matrix.js';

export const cases: MatrixCase[] = [
  {
    kind: 'query',
    field: 'workspace',
    run: gql(`{ workspace { hasSampleData firstSteps { addedContact createdDeal invitedSomeone connectedEmail } } }`),
    expect: readers(),
  },
  { kind: 'mutation', field: 'addSampleData', run: gql(`mutation { addSampleData { hasSampleData } }`), expect: admins() },
  { kind: 'mutation', field: 'removeSampleData', run: gql(`mutation { removeSampleData { hasSampleData } }`), expect: admins() },
  { kind: 'mutation', field: 'keepSampleData', run: gql(`mutation { keepSampleData { hasSampleData } }`), expect: admins() },
];
