import { decodeGlobalID } from '@pothos/plugin-relay';
import { globalId, type Actor, type RolesFixture } from '../../test/fixtures.js';
import { as, byRole, readers, writers, type MatrixCase } from '../../test/role-matrix.js';
import type { TestApp } from '../../test/test-app.js';
import { noteIn } from '../notes/note.matrix.js';

/** A comment by the MEMBER (unless said otherwise) on a new note; returns both IDs. */
export async function commentIn(app: TestApp, f: RolesFixture, author: 'OWNER' | 'ADMIN' | 'MEMBER' = 'MEMBER') {
  const noteGid = await noteIn(app, f);
  const comment = await app.prisma.comment.create({
    data: { workspaceId: f.workspaceId, noteId: decodeGlobalID(noteGid).id, body: 'Agreed.', authorId: f.users[author].id },
  });
  return { noteGid, commentGid: globalId('Comment', comment.id) };
}

const withComment = (query: string, author?: 'ADMIN') => async (app: TestApp, f: RolesFixture, actor: Actor) =>
  as(f, actor).gql(query, { id: (await commentIn(app, f, author)).commentGid });

export const cases: MatrixCase[] = [
  {
    kind: 'query',
    field: 'comments',
    run: async (app, f, actor) =>
      as(f, actor).gql(`query($t: ID!) { comments(targetId: $t) { totalCount edges { node { body author { name } } } } }`, {
        t: (await commentIn(app, f)).noteGid,
      }),
    expect: readers(),
  },
  {
    kind: 'mutation',
    field: 'createComment',
    run: async (app, f, actor) =>
      as(f, actor).gql(`mutation($n: ID!, $m: [ID!]) { createComment(input: { noteId: $n, body: "Nice", mentionUserIds: $m }) { id } }`, {
        n: await noteIn(app, f),
        m: [globalId('User', f.users.VIEWER.id)],
      }),
    expect: writers(),
  },
  {
    kind: 'mutation',
    field: 'updateComment',
    run: withComment(`mutation($id: ID!) { updateComment(id: $id, input: { body: "Edited" }) { body } }`),
    expect: byRole('FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'deleteComment',
    run: withComment(`mutation($id: ID!) { deleteComment(id: $id) { deletedAt } }`),
    expect: byRole('ok', 'ok', 'ok', 'FORBIDDEN'),
  },
  {
    kind: 'mutation',
    field: 'deleteComment',
    run: withComment(`mutation($id: ID!) { deleteComment(id: $id) { deletedAt } }`, 'ADMIN'),
    expect: byRole('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN'),
  },
];
