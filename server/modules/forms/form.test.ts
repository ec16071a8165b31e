import { describe, expect, it } from 'vitest';
import { globalId, rolesFixture } from '../../test/fixtures.js';
import { errorCodes, expectBadInput, useTestApp } from '../../test/test-app.js';
import { EMAIL_FIELD } from './form.matrix.js';

const getApp = useTestApp();

const FORM = `id name isActive publicKey publicUrl fields { key label type required options mapsTo customKey }`;
const CREATE = `mutation($input: CreateFormInput!) { createForm(input: $input) { ${FORM} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateFormInput!) { updateForm(id: $id, input: $input) { ${FORM} } }`;
const GET = `query($id: ID!) { form(id: $id) { ${FORM} submissions(first: 10) { totalCount edges { node { data } } } } }`;
const LIST = `{ forms { totalCount edges { node { name } } } }`;

const NAME_FIELD = { key: 'first_name', label: 'First name', type: 'TEXT', mapsTo: 'FIRST_NAME' };
const PLAN_FIELD = { key: 'plan', label: 'Plan', type: 'SELECT', options: ['Free', 'Team'], mapsTo: 'CUSTOM', customKey: 'plan' };

describe('forms', () => {
  it('creates a form with an unguessable public key and URL, lists it and reads it back', async () => {
    const f = await rolesFixture(getApp());
    const { createForm: form } = await f.clients.MEMBER.ok(CREATE, { input: { name: ' Contact us ', fields: [EMAIL_FIELD, NAME_FIELD, PLAN_FIELD] } });

    expect(form.publicKey).toMatch(/^[A-Za-z0-9_-]{24,}$/);
    expect(form).toMatchObject({
      name: 'Contact us',
      isActive: true,
      publicUrl: `http://localhost:4000/forms/${form.publicKey}`,
      fields: [
        { key: 'email', type: 'EMAIL', required: true, mapsTo: 'EMAIL', options: [], customKey: null },
        { key: 'first_name', label: 'First name', type: 'TEXT', required: false, options: [], mapsTo: 'FIRST_NAME', customKey: null },
        { key: 'plan', type: 'SELECT', options: ['Free', 'Team'], mapsTo: 'CUSTOM', customKey: 'plan' },
      ],
    });
    const other = await f.clients.ADMIN.ok(CREATE, { input: { name: 'Webinar', fields: [EMAIL_FIELD] } });
    expect(other.createForm.publicKey).not.toBe(form.publicKey);

    expect((await f.clients.VIEWER.ok(LIST)).forms.totalCount).toBe(2);
    expect((await f.clients.VIEWER.ok(GET, { id: form.id })).form).toMatchObject({ name: 'Contact us', submissions: { totalCount: 0, edges: [] } });
  });

  const longLabel = 'x'.repeat(201);
  it.each([
    ['an empty name', { name: ' ' }, 'input.name'],
    ['no fields', { fields: [] }, 'input.fields'],
    ['51 fields', { fields: [EMAIL_FIELD, ...Array.from({ length: 50 }, (_, i) => ({ ...NAME_FIELD, key: `f${i}`, mapsTo: 'NOTE' }))] }, 'input.fields'],
    ['a key used twice', { fields: [EMAIL_FIELD, NAME_FIELD, { ...NAME_FIELD, mapsTo: 'NOTE' }] }, 'input.fields.2.key'],
    ['a key with spaces', { fields: [EMAIL_FIELD, { ...NAME_FIELD, key: 'First name' }] }, 'input.fields.1.key'],
    ['the honeypot key', { fields: [EMAIL_FIELD, { ...NAME_FIELD, key: 'website_url', mapsTo: 'NOTE' }] }, 'input.fields.1.key'],
    ['no email field', { fields: [NAME_FIELD] }, 'input.fields'],
    ['an optional email field', { fields: [{ ...EMAIL_FIELD, required: false }] }, 'input.fields.0.required'],
    ['a TEXT field mapped to EMAIL', { fields: [{ ...EMAIL_FIELD, type: 'TEXT' }] }, 'input.fields.0.mapsTo'],
    ['two email fields', { fields: [EMAIL_FIELD, { ...EMAIL_FIELD, key: 'email2' }] }, 'input.fields.1.mapsTo'],
    ['two fields filling the first name', { fields: [EMAIL_FIELD, NAME_FIELD, { ...NAME_FIELD, key: 'given' }] }, 'input.fields.2.mapsTo'],
    ['a SELECT without options', { fields: [EMAIL_FIELD, { ...PLAN_FIELD, options: [] }] }, 'input.fields.1.options'],
    ['options on a TEXT field', { fields: [EMAIL_FIELD, { ...NAME_FIELD, options: ['a'] }] }, 'input.fields.1.options'],
    ['a CUSTOM field without its key', { fields: [EMAIL_FIELD, { ...PLAN_FIELD, customKey: null }] }, 'input.fields.1.customKey'],
    ['a label over 200 characters', { fields: [EMAIL_FIELD, { ...NAME_FIELD, label: longLabel }] }, 'input.fields.1.label'],
    ['a checkbox filling the job title', { fields: [EMAIL_FIELD, { key: 'ok', label: 'OK', type: 'CHECKBOX', mapsTo: 'JOB_TITLE' }] }, 'input.fields.1.mapsTo'],
  ])('refuses %s with BAD_USER_INPUT on the field, and writes nothing', async (_label, overrides, field) => {
    const app = getApp();
    const f = await rolesFixture(app);
    const result = await f.clients.MEMBER.gql(CREATE, { input: { name: 'Contact us', fields: [EMAIL_FIELD], ...overrides } });
    expectBadInput(result, field);
    expect(await app.prisma.form.count()).toBe(0);
  });

  it('updates name, fields and activity; an invalid update changes nothing', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { createForm: form } = await f.clients.MEMBER.ok(CREATE, { input: { name: 'Contact us', fields: [EMAIL_FIELD] } });

    const updated = await f.clients.ADMIN.ok(UPDATE, { id: form.id, input: { name: 'Talk to sales', isActive: false, fields: [EMAIL_FIELD, NAME_FIELD] } });
    expect(updated.updateForm).toMatchObject({ name: 'Talk to sales', isActive: false, publicKey: form.publicKey });
    expect(updated.updateForm.fields.map((x: { key: string }) => x.key)).toEqual(['email', 'first_name']);

    const refused = await f.clients.MEMBER.gql(UPDATE, { id: form.id, input: { name: 'Renamed', fields: [NAME_FIELD] } });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    const row = await app.prisma.form.findFirstOrThrow();
    expect(row).toMatchObject({ name: 'Talk to sales', isActive: false });
    expect((row.fields as Array<{ key: string }>).map((x) => x.key)).toEqual(['email', 'first_name']);
  });

  it('regenerates the public key', async () => {
    const f = await rolesFixture(getApp());
    const { createForm: form } = await f.clients.MEMBER.ok(CREATE, { input: { name: 'Contact us', fields: [EMAIL_FIELD] } });
    const { regenerateFormKey: renewed } = await f.clients.MEMBER.ok(`mutation($id: ID!) { regenerateFormKey(id: $id) { publicKey publicUrl } }`, {
      id: form.id,
    });
    expect(renewed.publicKey).toMatch(/^[A-Za-z0-9_-]{24,}$/);
    expect(renewed.publicKey).not.toBe(form.publicKey);
    expect(renewed.publicUrl).toBe(`http://localhost:4000/forms/${renewed.publicKey}`);
  });

  it('soft-deletes a form: gone from lists and reads, kept in the database with its submissions', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { createForm: form } = await f.clients.MEMBER.ok(CREATE, { input: { name: 'Contact us', fields: [EMAIL_FIELD] } });
    const row = await app.prisma.form.findFirstOrThrow();
    await app.prisma.formSubmission.create({ data: { workspaceId: f.workspaceId, formId: row.id, data: { email: 'a@example.com' } } });

    const deleted = await f.clients.MEMBER.ok(`mutation($id: ID!) { deleteForm(id: $id) { deletedAt } }`, { id: form.id });
    expect(deleted.deleteForm.deletedAt).toBeTruthy();
    expect((await f.clients.MEMBER.ok(LIST)).forms).toEqual({ totalCount: 0, edges: [] });
    expect(errorCodes(await f.clients.MEMBER.gql(GET, { id: form.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await f.clients.MEMBER.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: form.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await f.clients.MEMBER.gql(UPDATE, { id: form.id, input: { name: 'Back' } }))).toEqual(['NOT_FOUND']);
    expect(await app.prisma.form.count({ where: { deletedAt: { not: null } } })).toBe(1);
    expect(await app.prisma.formSubmission.count()).toBe(1);
  });

  it("never shows or changes another workspace's forms", async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    f.clients.OUTSIDER.workspaceId = f.otherWorkspaceGid;
    const { createForm: theirs } = await f.clients.OUTSIDER.ok(CREATE, { input: { name: 'Elsewhere form', fields: [EMAIL_FIELD] } });
    await f.clients.MEMBER.ok(CREATE, { input: { name: 'Acme form', fields: [EMAIL_FIELD] } });

    expect((await f.clients.OWNER.ok(LIST)).forms.edges).toEqual([{ node: { name: 'Acme form' } }]);
    expect(errorCodes(await f.clients.OWNER.gql(GET, { id: theirs.id }))).toEqual(['NOT_FOUND']);
    for (const mutation of [
      `mutation($id: ID!) { regenerateFormKey(id: $id) { id } }`,
      `mutation($id: ID!) { deleteForm(id: $id) { id } }`,
      `mutation($id: ID!) { updateForm(id: $id, input: { isActive: false }) { id } }`,
    ]) {
      expect(errorCodes(await f.clients.OWNER.gql(mutation, { id: theirs.id }))).toEqual(['NOT_FOUND']);
    }
    const untouched = await app.prisma.form.findFirstOrThrow({ where: { name: 'Elsewhere form' } });
    expect(untouched).toMatchObject({ publicKey: theirs.publicKey, isActive: true, deletedAt: null });
  });

  it('lists submissions newest first with a total count and cursors', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const { createForm: form } = await f.clients.MEMBER.ok(CREATE, { input: { name: 'Contact us', fields: [EMAIL_FIELD] } });
    const row = await app.prisma.form.findFirstOrThrow();
    for (const [i, email] of ['first@x.io', 'second@x.io', 'third@x.io'].entries()) {
      await app.prisma.formSubmission.create({
        data: { workspaceId: f.workspaceId, formId: row.id, data: { email }, createdAt: new Date(Date.UTC(2030, 0, i + 1)) },
      });
    }
    const PAGE = `query($id: ID!, $after: String) { form(id: $id) { submissions(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { data createdAt } } } } }`;
    const first = (await f.clients.VIEWER.ok(PAGE, { id: form.id })).form.submissions;
    expect(first.totalCount).toBe(3);
    expect(first.edges.map((e: { node: { data: { email: string } } }) => e.node.data.email)).toEqual(['third@x.io', 'second@x.io']);
    const second = (await f.clients.VIEWER.ok(PAGE, { id: form.id, after: first.pageInfo.endCursor })).form.submissions;
    expect(second.edges.map((e: { node: { data: { email: string } } }) => e.node.data.email)).toEqual(['first@x.io']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(globalId('Form', row.id)).toBe(form.id);
  });
});
