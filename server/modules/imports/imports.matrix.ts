import { as, gql, gqlAfter, writers, type MatrixCase } from '../../test/role-matrix.js';
import { importRow } from './imports.test-helpers.js';

const CSV = 'Name,Email\nAda Lovelace,ada@example.com\n';
const SETTINGS = { entity: 'CONTACT', columns: ['fullName', 'emails'], dedupeMode: 'SKIP' };

/** Runs the query with `$id` bound to the member's uploaded import and `$s` to settings for it. */
const withUpload = (query: string) => gqlAfter(query, async (app, f) => ({ id: (await importRow(app, f, 'MEMBER', CSV)).gid, s: SETTINGS }));

// Imports are made by the member: the owner and admin see it through imports:manageAll, the member as its
// importer, the viewer may not import at all, and the outsider finds nothing.
export const cases: MatrixCase[] = [
  { kind: 'query', field: 'imports', run: gql(`{ imports { edges { node { fileName } } } }`), expect: writers() },
  { kind: 'query', field: 'importFields', run: gql(`{ importFields(entity: COMPANY) { key label list } }`), expect: writers() },
  { kind: 'query', field: 'importMappings', run: gql(`{ importMappings { name } }`), expect: writers() },
  {
    kind: 'query',
    field: 'importPreview',
    run: withUpload(`query($id: ID!, $s: ImportSettingsInput!) { importPreview(id: $id, settings: $s) { creates } }`),
    expect: writers(),
  },
  {
    kind: 'mutation',
    field: 'startImport',
    run: withUpload(`mutation($id: ID!, $s: ImportSettingsInput!) { startImport(id: $id, settings: $s) { status } }`),
    expect: writers(),
  },
  {
    kind: 'mutation',
    field: 'undoImport',
    run: async (app, f, actor) => {
      const { row, gid } = await importRow(app, f, 'MEMBER', CSV);
      await app.prisma.import.update({ where: { id: row.id }, data: { status: 'DONE', finishedAt: new Date() } });
      return as(f, actor).gql(`mutation($id: ID!) { undoImport(id: $id) { status } }`, { id: gid });
    },
    expect: writers(),
  },
  {
    kind: 'mutation',
    field: 'saveImportMapping',
    run: gql(`mutation { saveImportMapping(name: "CRM", entity: CONTACT, headers: ["Name", "Mail"], columns: ["fullName", "emails"]) { name columns } }`),
    expect: writers(),
  },
];
