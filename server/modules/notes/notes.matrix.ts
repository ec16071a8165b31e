import { globalId, type Actor, type RolesFixture } from '../../test/fixtures.js';
import { as, byRole, readers, writers, type MatrixCase } from '../../test/role-matrix.js';
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

const withNote = (query: string, options?: { deleted?: boolean; author?: 'OWNER' }) => async (app: TestApp, f: RolesFixture, actor: Actor) =>
  as(f, actor).gql(query, { id: await noteIn(app, f, { deleted: options?.deleted, authorId: options?.author ? f.users[options.author].id : undefined }) });

/** A note on the OWNER's private contact: it does not exist for the MEMBER and the VIEWER. */
const hiddenNote = (query: string) => async (app: TestApp, f: RolesFixture, actor: Actor) => {
  const contact = await app.prisma.contact.create({
    data: { workspaceId: f.workspaceId, firstName: 'Secret', ownerId: f.users.OWNER.id, visibility: 'PRIVATE' },
  });
  return as(f, actor).gql(query, { id: await noteIn(app, f, { contactId: contact.id, authorId: f.users.OWNER.id }) });
};

export const cases: MatrixCase[] = [
  {
    kind: 'query',
    field: 'notes',
    run: async (app, f, actor) => {
      await noteIn(app, f);
      return as(f, actor).gql(`{ notes { totalCount edges { node { body createdBy { name } } } } }`);
    },
    expect: readers(),
  },
  { kind: 'query', field: 'note', run: withNote(`query($id: ID!) { note(id: $id) { body } }`), expect: readers() },
  { kind: 'query', field: 'note', run: hiddenNote(`query($id: ID!) { note(id: $id) { body } }`), expect: byRole('ok', 'ok', 'NOT_FOUND', 'NOT_FOUND') },
  {
    kind: 'mutation',
    field: 'createNote',
    run: async (app, f, actor) =>
      as(f, actor).gql(`mutation($c: ID!) { createNote(input: { body: "Hi", contactId: $c }) { id } }`, { c: (await contactRow(app, f)).gid }),
    expect: writers(),
  },
  { kind: 'mutation', field: 'updateNote', run: withNote(`mutation($id: ID!) { updateNote(id: $id, input: { body: "Edited" }) { body } }`), expect: writers() },
  {
    kind: 'mutation',
    field: 'updateNote',
    run: hiddenNote(`mutation($id: ID!) { updateNote(id: $id, input: { body: "Edited" }) { body } }`),
    expect: byRole('ok', 'ok', 'NOT_FOUND', 'NOT_FOUND'),
  },
  {
    kind: 'mutation',
    field: 'deleteNote',
    run: withNote(`mutation($id: ID!) { deleteNote(id: $id) { deletedAt } }`),
    expect: byRole('ok', 'ok', 'ok', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'deleteNote',
    run: withNote(`mutation($id: ID!) { deleteNote(id: $id) { deletedAt } }`, { author: 'OWNER' }),
    expect: byRole('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'restoreNote',
    run: withNote(`mutation($id: ID!) { restoreNote(id: $id) { deletedAt } }`, { deleted: true }),
    expect: byRole('ok', 'ok', 'ok', 'FORBIDDEN'),
  },
];
