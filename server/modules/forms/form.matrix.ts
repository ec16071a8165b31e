import { globalId, type RolesFixture } from '../../test/fixtures.js';
import { createUpdateCases, everyone, gql, listCase, readers, signedIn, withRecord, writers, type MatrixCase } from '../../test/role-matrix.js';
import type { TestApp } from '../../test/test-app.js';
import { newPublicKey } from './form.service.js';

export const EMAIL_FIELD = { key: 'email', label: 'Email', type: 'EMAIL', required: true, options: [], mapsTo: 'EMAIL', customKey: null };

/** A form of the Acme workspace, made by its MEMBER, with one submission. */
export async function formIn(app: TestApp, f: RolesFixture, options: { deleted?: boolean } = {}) {
  const form = await app.prisma.form.create({
    data: {
      workspaceId: f.workspaceId,
      name: 'Newsletter',
      publicKey: newPublicKey(),
      fields: [EMAIL_FIELD],
      createdById: f.users.MEMBER.id,
      deletedAt: options.deleted ? new Date() : null,
    },
  });
  await app.prisma.formSubmission.create({ data: { workspaceId: f.workspaceId, formId: form.id, data: { email: 'a@example.com' } } });
  return globalId('Form', form.id);
}

const withForm = withRecord(formIn);

const CREATE = `mutation($input: CreateFormInput!) { createForm(input: $input) { publicUrl } }`;

export const cases: MatrixCase[] = [
  listCase('forms', `{ forms { totalCount edges { node { name fields { key } submissions { totalCount } } } } }`, formIn),
  {
    kind: 'query',
    field: 'form',
    run: withForm(`query($id: ID!) { form(id: $id) { name submissions(first: 5) { edges { node { data } } } } }`),
    expect: readers(),
  },
  { kind: 'query', field: 'form', run: withForm(`query($id: ID!) { form(id: $id) { name } }`, { deleted: true }), expect: signedIn('NOT_FOUND') },
  { kind: 'query', field: 'node', run: withForm(`query($id: ID!) { node(id: $id) { ... on Form { name } } }`), expect: readers() },
  ...createUpdateCases(
    'Form',
    gql(CREATE, { input: { name: 'Contact us', fields: [EMAIL_FIELD] } }),
    withForm(`mutation($id: ID!) { updateForm(id: $id, input: { isActive: false }) { isActive } }`),
  ),
  { kind: 'mutation', field: 'deleteForm', run: withForm(`mutation($id: ID!) { deleteForm(id: $id) { deletedAt } }`), expect: writers() },
  {
    kind: 'mutation',
    field: 'deleteForm',
    run: withForm(`mutation($id: ID!) { deleteForm(id: $id) { deletedAt } }`, { deleted: true }),
    expect: signedIn('NOT_FOUND'),
  },
  { kind: 'mutation', field: 'regenerateFormKey', run: withForm(`mutation($id: ID!) { regenerateFormKey(id: $id) { publicKey } }`), expect: writers() },
  // Input validation runs before the scopes, for every caller alike.
  {
    kind: 'mutation',
    field: 'createForm',
    run: gql(CREATE, { input: { name: 'No email', fields: [{ ...EMAIL_FIELD, type: 'TEXT', mapsTo: 'FIRST_NAME' }] } }),
    expect: everyone('BAD_USER_INPUT'),
  },
];
