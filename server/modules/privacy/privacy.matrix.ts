import { STRONG_PASSWORD } from '../../test/fixtures.js';
import { admins, as, byRole, gql, signedIn, type MatrixCase } from '../../test/role-matrix.js';
import { contactIn } from '../contacts/contact.matrix.js';

const onContact =
  (query: string) =>
  async (...[app, f, actor]: Parameters<MatrixCase['run']>) =>
    as(f, actor).gql(query, { id: await contactIn(app, f) });

export const cases: MatrixCase[] = [
  { kind: 'query', field: 'workspacesPendingDeletion', run: gql(`{ workspacesPendingDeletion { name } }`), expect: signedIn('ok'), keys: 'FORBIDDEN' },
  { kind: 'mutation', field: 'exportContact', run: onContact(`mutation($id: ID!) { exportContact(id: $id) }`), expect: admins() },
  { kind: 'mutation', field: 'eraseContact', run: onContact(`mutation($id: ID!) { eraseContact(id: $id) { invalidatedExports } }`), expect: admins() },
  { kind: 'mutation', field: 'requestMyDataExport', run: gql(`mutation { requestMyDataExport }`), expect: signedIn('ok'), keys: 'FORBIDDEN' },
  {
    // Everyone but the OWNER (the only owner of Acme) may delete their account; the outsider is the only owner of theirs.
    kind: 'mutation',
    field: 'deleteMyAccount',
    run: gql(`mutation($p: String!) { deleteMyAccount(password: $p) }`, { p: STRONG_PASSWORD }),
    expect: { OWNER: 'BAD_USER_INPUT', ADMIN: 'ok', MEMBER: 'ok', VIEWER: 'ok', OUTSIDER: 'BAD_USER_INPUT', ANONYMOUS: 'UNAUTHENTICATED' },
    keys: 'FORBIDDEN',
  },
  {
    kind: 'mutation',
    field: 'requestWorkspaceDeletion',
    run: gql(`mutation($p: String!) { requestWorkspaceDeletion(confirmName: "Acme", password: $p) }`, { p: STRONG_PASSWORD }),
    expect: byRole('ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
    keys: 'FORBIDDEN',
  },
  {
    kind: 'mutation',
    field: 'cancelWorkspaceDeletion',
    run: async (app, f, actor) => {
      await app.prisma.workspace.update({ where: { id: f.workspaceId }, data: { closedAt: new Date(), purgeAfter: new Date(Date.now() + 864e5) } });
      return as(f, actor).gql(`mutation($w: ID!) { cancelWorkspaceDeletion(workspaceId: $w) }`, { w: f.workspaceGid });
    },
    // Only an owner may reopen; to everyone else the closed workspace does not exist.
    expect: { OWNER: 'ok', ADMIN: 'NOT_FOUND', MEMBER: 'NOT_FOUND', VIEWER: 'NOT_FOUND', OUTSIDER: 'NOT_FOUND', ANONYMOUS: 'UNAUTHENTICATED' },
    // A key of a closed workspace is refused like a revoked one, whatever it asks.
    keys: 'UNAUTHENTICATED',
  },
];
