import { globalId, type RolesFixture } from '../../test/fixtures.js';
import { admins, as, readers, type MatrixCase } from '../../test/role-matrix.js';
import type { TestApp } from '../../test/test-app.js';

/** A select field on the fixture workspace's contacts, with two options; a fresh key per call. */
export async function selectField(app: TestApp, f: RolesFixture, key = `tier${Math.random().toString(36).slice(2, 8)}`) {
  const row = await app.prisma.customField.create({
    data: {
      workspaceId: f.workspaceId,
      entity: 'CONTACT',
      key,
      label: 'Tier',
      type: 'SELECT',
      options: [
        { id: 'gold', label: 'Gold', colour: 'yellow', position: 0 },
        { id: 'silver', label: 'Silver', colour: 'gray', position: 1 },
      ],
    },
  });
  return { ...row, gid: globalId('CustomField', row.id) };
}

const onField =
  (query: string, variables: (field: Awaited<ReturnType<typeof selectField>>) => Record<string, unknown> = (field) => ({ id: field.gid })) =>
  async (app: TestApp, f: RolesFixture, actor: Parameters<typeof as>[1]) =>
    as(f, actor).gql(query, variables(await selectField(app, f)));

export const cases: MatrixCase[] = [
  { kind: 'query', field: 'customFields', run: onField(`{ customFields(entity: CONTACT) { key type options { label } } }`, () => ({})), expect: readers() },
  {
    kind: 'query',
    field: 'node',
    run: onField(`query($id: ID!) { node(id: $id) { id ... on CustomField { key label } } }`),
    expect: readers(),
  },
  {
    kind: 'mutation',
    field: 'createCustomField',
    run: (_app, f, actor) => as(f, actor).gql(`mutation { createCustomField(input: { entity: DEAL, label: "Seats", type: NUMBER }) { key } }`),
    expect: admins(),
  },
  {
    kind: 'mutation',
    field: 'updateCustomField',
    run: onField(`mutation($id: ID!) { updateCustomField(id: $id, input: { label: "Level" }) { label } }`),
    expect: admins(),
  },
  {
    kind: 'mutation',
    field: 'reorderCustomFields',
    run: async (app, f, actor) => {
      await selectField(app, f);
      await selectField(app, f);
      const all = await app.prisma.customField.findMany({
        where: { workspaceId: f.workspaceId, entity: 'CONTACT', deletedAt: null },
        orderBy: { position: 'desc' },
      });
      return as(f, actor).gql(`mutation($ids: [ID!]!) { reorderCustomFields(entity: CONTACT, fieldIds: $ids) { key } }`, {
        ids: all.map((r) => globalId('CustomField', r.id)),
      });
    },
    expect: admins(),
  },
  { kind: 'mutation', field: 'deleteCustomField', run: onField(`mutation($id: ID!) { deleteCustomField(id: $id) { deletedAt } }`), expect: admins() },
  {
    kind: 'mutation',
    field: 'restoreCustomField',
    run: async (app, f, actor) => {
      const field = await selectField(app, f);
      await app.prisma.customField.update({ where: { id: field.id }, data: { deletedAt: new Date() } });
      return as(f, actor).gql(`mutation($id: ID!) { restoreCustomField(id: $id) { deletedAt } }`, { id: field.gid });
    },
    expect: admins(),
  },
  {
    kind: 'mutation',
    field: 'changeCustomFieldType',
    run: onField(`mutation($id: ID!) { changeCustomFieldType(id: $id, type: TEXT, dryRun: false) { converted failed } }`),
    expect: admins(),
  },
  {
    kind: 'mutation',
    field: 'addCustomFieldOption',
    run: onField(`mutation($id: ID!) { addCustomFieldOption(fieldId: $id, input: { label: "Bronze" }) { options { label } } }`),
    expect: admins(),
  },
  {
    kind: 'mutation',
    field: 'updateCustomFieldOption',
    run: onField(`mutation($id: ID!) { updateCustomFieldOption(fieldId: $id, optionId: "gold", input: { colour: "orange" }) { options { colour } } }`),
    expect: admins(),
  },
  {
    kind: 'mutation',
    field: 'reorderCustomFieldOptions',
    run: onField(`mutation($id: ID!) { reorderCustomFieldOptions(fieldId: $id, optionIds: ["silver", "gold"]) { options { id } } }`),
    expect: admins(),
  },
  {
    kind: 'mutation',
    field: 'mergeCustomFieldOptions',
    run: onField(`mutation($id: ID!) { mergeCustomFieldOptions(fieldId: $id, optionIds: ["silver"], intoOptionId: "gold") { options { id } } }`),
    expect: admins(),
  },
];
