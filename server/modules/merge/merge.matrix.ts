import { globalId, type RolesFixture } from '../../test/fixtures.js';
import { gqlAfter, listCase, writers, type MatrixCase } from '../../test/role-matrix.js';
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

const MERGE = (field: string) => `mutation($survivorId: ID!, $duplicateIds: [ID!]!) { ${field}(survivorId: $survivorId, duplicateIds: $duplicateIds) { id } }`;

export const cases: MatrixCase[] = [
  listCase('duplicateContacts', `{ duplicateContacts { reasons a { id } b { id } } }`, twoContacts),
  listCase('duplicateCompanies', `{ duplicateCompanies { reasons a { id } b { id } } }`, twoCompanies),
  { kind: 'mutation', field: 'mergeContacts', run: gqlAfter(MERGE('mergeContacts'), twoContacts), expect: writers() },
  { kind: 'mutation', field: 'mergeCompanies', run: gqlAfter(MERGE('mergeCompanies'), twoCompanies), expect: writers() },
];
