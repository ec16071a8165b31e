import { globalId, type RolesFixture } from '../../test/fixtures.js';
import { as, everyone, gql, readers, signedIn, writers, type MatrixCase } from '../../test/role-matrix.js';
import type { TestApp } from '../../test/test-app.js';
import { newPublicKey } from './forms.service.js';

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

const withForm = (query: string, options?: { deleted?: boolean }) => async (app: TestApp, f: RolesFixture, actor: Parameters<typeof as>[1]) =>
  as(f, actor).gql(query, { id: await formIn(app, f, options) });

const CREATE = `mutation($input: CreateFormInput!) { createForm(input: $input) { publicUrl } }`;

export const cases: MatrixCase[] = [
  {
    kind: 'query',
    field: 'forms',
    run: async (app, f, actor) => {
      await formIn(app, f);
      return as(f, actor).gql(`{ forms { totalCount edges { node { name fields { key } submissions { totalCount } } } } }`);
    },
    expect: readers(),
  },
  {
    kind: 'query',
    field: 'form',
    run: withForm(`query($id: ID!) { form(id: $id) { name submissions(first: 5) { edges { node { data } } } } }`),
    expect: readers(),
  },
  { kind: 'query', field: 'form', run: withForm(`query($id: ID!) { form(id: $id) { name } }`, { deleted: true }), expect: signedIn('NOT_FOUND') },
  { kind: 'query', field: 'node', run: withForm(`query($id: ID!) { node(id: $id) { ... on Form { name } } }`), expect: readers() },
  {
    kind: 'mutation',
    field: 'createForm',
    run: (_app, f, actor) => as(f, actor).gql(CREATE, { input: { name: 'Contact us', fields: [EMAIL_FIELD] } }),
    expect: writers(),
  },
  {
    kind: 'mutation',
    field: 'updateForm',
    run: withForm(`mutation($id: ID!) { updateForm(id: $id, input: { isActive: false }) { isActive } }`),
    expect: writers(),
  },
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
