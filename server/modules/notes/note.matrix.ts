import { globalId, type Actor, type RolesFixture } from '../../test/fixtures.js';
import { as, byRole, createUpdateCases, gqlAfter, listCase, readers, trashCases, withRecord, type MatrixCase } from '../../test/role-matrix.js';
import type { TestApp } from '../../test/test-app.js';
import { contactRow } from '../../test/record-fixtures.js';

/** A note created by the given user (the MEMBER's unless said otherwise), optionally on a contact. */
export async function noteIn(app: TestApp, f: RolesFixture, options: { authorId?: string; deleted?: boolean; contactId?: string } = {}) {
  const note = await app.prisma.note.create({
    data: {
      workspaceId: f.workspaceId,
      body: 'Met at the fair.',
      createdById: options.authorId ?? f.users.MEMBER.id,
      contactId: options.contactId ?? null,
      deletedAt: options.deleted ? new Date() : null,
    },
  });
  return globalId('Note', note.id);
}

const withNote = withRecord((app, f, options: { deleted?: boolean; author?: 'OWNER' } = {}) =>
  noteIn(app, f, { deleted: options.deleted, authorId: options.author && f.users[options.author].id }),
);

/** A note on the OWNER's private contact: it does not exist for the MEMBER and the VIEWER. */
const hiddenNote = (query: string) => async (app: TestApp, f: RolesFixture, actor: Actor) => {
  const contact = await app.prisma.contact.create({
    data: { workspaceId: f.workspaceId, firstName: 'Secret', ownerId: f.users.OWNER.id, visibility: 'PRIVATE' },
  });
  return as(f, actor).gql(query, { id: await noteIn(app, f, { contactId: contact.id, authorId: f.users.OWNER.id }) });
};

export const cases: MatrixCase[] = [
  listCase('notes', `{ notes { totalCount edges { node { body createdBy { name } } } } }`, noteIn),
  { kind: 'query', field: 'note', run: withNote(`query($id: ID!) { note(id: $id) { body } }`), expect: readers() },
  { kind: 'query', field: 'note', run: hiddenNote(`query($id: ID!) { note(id: $id) { body } }`), expect: byRole('ok', 'ok', 'NOT_FOUND', 'NOT_FOUND') },
  ...createUpdateCases(
    'Note',
    gqlAfter(`mutation($c: ID!) { createNote(input: { body: "Hi", contactId: $c }) { id } }`, async (app, f) => ({ c: (await contactRow(app, f)).gid })),
    withNote(`mutation($id: ID!) { updateNote(id: $id, input: { body: "Edited" }) { body } }`),
  ),
  {
    kind: 'mutation',
    field: 'updateNote',
    run: hiddenNote(`mutation($id: ID!) { updateNote(id: $id, input: { body: "Edited" }) { body } }`),
    expect: byRole('ok', 'ok', 'NOT_FOUND', 'NOT_FOUND'),
  },
  ...trashCases('Note', withNote, { author: 'OWNER' }, { deleted: true }),
];
