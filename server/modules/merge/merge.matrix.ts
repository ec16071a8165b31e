import { globalId, type RolesFixture } from '../../test/fixtures.js';
import { as, readers, writers, type MatrixCase } from '../../test/role-matrix.js';
import type { TestApp } from '../../test/test-app.js';
import { contactRow } from './merge.test-helpers.js';

async function twoContacts(app: TestApp, f: RolesFixture) {
  const a = await contactRow(app, f, { firstName: 'Ann', phone: '+14155550100' });
  const b = await contactRow(app, f, { firstName: 'Anne', phone: '+14155550100' });
  return { survivorId: globalId('Contact', a.id), duplicateIds: [globalId('Contact', b.id)] };
}

async function twoCompanies(app: TestApp, f: RolesFixture) {
  const a = await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'Acme Inc' } });
  const b = await app.prisma.company.create({ data: { workspaceId: f.workspaceId, name: 'ACME INC' } });
  return { survivorId: globalId('Company', a.id), duplicateIds: [globalId('Company', b.id)] };
}

export const cases: MatrixCase[] = [
  {
    kind: 'query',
    field: 'duplicateContacts',
    run: async (app, f, actor) => {
      await twoContacts(app, f);
      return as(f, actor).gql(`{ duplicateContacts { reasons a { id } b { id } } }`);
    },
    expect: readers(),
  },
  {
    kind: 'query',
    field: 'duplicateCompanies',
    run: async (app, f, actor) => {
      await twoCompanies(app, f);
      return as(f, actor).gql(`{ duplicateCompanies { reasons a { id } b { id } } }`);
    },
    expect: readers(),
  },
  {
    kind: 'mutation',
    field: 'mergeContacts',
    run: async (app, f, actor) =>
      as(f, actor).gql(
        `mutation($survivorId: ID!, $duplicateIds: [ID!]!) { mergeContacts(survivorId: $survivorId, duplicateIds: $duplicateIds) { id } }`,
        await twoContacts(app, f),
      ),
    expect: writers(),
  },
  {
    kind: 'mutation',
    field: 'mergeCompanies',
    run: async (app, f, actor) =>
      as(f, actor).gql(
        `mutation($survivorId: ID!, $duplicateIds: [ID!]!) { mergeCompanies(survivorId: $survivorId, duplicateIds: $duplicateIds) { id } }`,
        await twoCompanies(app, f),
      ),
    expect: writers(),
  },
];
