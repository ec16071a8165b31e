import { encodeGlobalID } from '@pothos/plugin-relay';
import { generateSecretToken, hashToken } from '../auth/tokens.js';
import type { Role } from '../generated/prisma/enums.js';
import type { TestApp, TestClient } from './test-app.js';

export const STRONG_PASSWORD = 'violet lantern orbits 7 quiet harbors';

export const globalId = (typename: string, id: string) => encodeGlobalID(typename, id);

const SIGN_UP = /* GraphQL */ `
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) { id name email emailVerified }
  }
`;

export function signUpInput(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    password: STRONG_PASSWORD,
    workspaceName: 'Analytical Engines',
    confirmAge16OrOlder: true,
    ...overrides,
  };
}

export async function signUpThroughApi(app: TestApp, overrides: Record<string, unknown> = {}) {
  const client = app.client();
  const result = await client.gql(SIGN_UP, { input: signUpInput(overrides) });
  return { client, result };
}

/** The token in the newest outbox email to this address whose link contains the path. */
export async function tokenFromOutbox(app: TestApp, to: string, path: string): Promise<string> {
  const email = await app.prisma.outboxEmail.findFirst({
    where: { to, link: { contains: path } },
    orderBy: { createdAt: 'desc' },
  });
  if (!email?.link) throw new Error(`No email to ${to} with a ${path} link`);
  return new URL(email.link).searchParams.get('token')!;
}

/** Signs up through the API and verifies the email from the outbox: a ready, verified user. */
export async function verifiedUser(app: TestApp, overrides: Record<string, unknown> = {}) {
  const { client, result } = await signUpThroughApi(app, overrides);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  const email = (result.data as { signUp: { email: string } }).signUp.email;
  const token = await tokenFromOutbox(app, email, '/verify-email');
  await client.ok(`mutation($t: String!) { verifyEmail(token: $t) { id } }`, { t: token });
  const me = await client.ok<{ me: { id: string; workspaces: { id: string }[] } }>(`{ me { id workspaces { id } } }`);
  client.workspaceId = me.me.workspaces[0]!.id;
  return { client, userId: me.me.id, workspaceId: me.me.workspaces[0]!.id };
}

export type PersonActor = 'OWNER' | 'ADMIN' | 'MEMBER' | 'VIEWER' | 'OUTSIDER' | 'ANONYMOUS';
/** An Acme API key created by the member of that role, with that role: it must act exactly like them. */
export type KeyActor = 'ADMIN_KEY' | 'MEMBER_KEY' | 'VIEWER_KEY';
export type Actor = PersonActor | KeyActor;
export const KEY_ROLES = { ADMIN_KEY: 'ADMIN', MEMBER_KEY: 'MEMBER', VIEWER_KEY: 'VIEWER' } as const satisfies Record<KeyActor, PersonActor>;

export interface RolesFixture {
  workspaceId: string;
  workspaceGid: string;
  otherWorkspaceGid: string;
  users: Record<Exclude<Actor, 'ANONYMOUS'>, { id: string; membershipId: string; membershipGid: string; email: string }>;
  clients: Record<Actor, TestClient>;
}

let cachedHash: string | null = null;

/**
 * A workspace with one user per role plus an outsider who owns another workspace, written straight
 * to the database (the sign-up and invitation flows have their own tests) with real sessions.
 */
export async function rolesFixture(app: TestApp): Promise<RolesFixture> {
  cachedHash ??= await app.services.passwords.hash(STRONG_PASSWORD);
  const workspace = await app.prisma.workspace.create({ data: { name: 'Acme' } });
  const other = await app.prisma.workspace.create({ data: { name: 'Elsewhere' } });
  const roles: Array<[Exclude<Actor, 'ANONYMOUS'>, Role, string]> = [
    ['OWNER', 'OWNER', workspace.id],
    ['ADMIN', 'ADMIN', workspace.id],
    ['MEMBER', 'MEMBER', workspace.id],
    ['VIEWER', 'VIEWER', workspace.id],
    ['OUTSIDER', 'OWNER', other.id],
  ];
  const users = {} as RolesFixture['users'];
  const clients = { ANONYMOUS: app.client() } as RolesFixture['clients'];
  for (const [actor, role, workspaceId] of roles) {
    const email = `${actor.toLowerCase()}@example.com`;
    const user = await app.prisma.user.create({
      data: {
        name: `${actor[0]}${actor.slice(1).toLowerCase()} Person`,
        email,
        passwordHash: cachedHash,
        ageConfirmedAt: new Date(),
        emailVerifiedAt: new Date(),
      },
    });
    const membership = await app.prisma.membership.create({ data: { workspaceId, userId: user.id, role } });
    const session = await app.services.auth.createSession(user.id, { ipAddress: null, userAgent: null });
    const client = app.client();
    client.cookie = `kith_session=${session.id}`;
    client.workspaceId = globalId('Workspace', workspaceId);
    users[actor] = { id: user.id, membershipId: membership.id, membershipGid: globalId('Membership', membership.id), email };
    clients[actor] = client;
  }
  clients.ANONYMOUS.workspaceId = globalId('Workspace', workspace.id);
  for (const [keyActor, role] of Object.entries(KEY_ROLES) as Array<[KeyActor, 'ADMIN' | 'MEMBER' | 'VIEWER']>) {
    const { secret } = await apiKeyFor(app, users[role].id, workspace.id, role);
    const client = app.client();
    client.authorization = `Bearer ${secret}`;
    client.workspaceId = globalId('Workspace', workspace.id);
    users[keyActor] = users[role];
    clients[keyActor] = client;
  }
  return {
    workspaceId: workspace.id,
    workspaceGid: globalId('Workspace', workspace.id),
    otherWorkspaceGid: globalId('Workspace', other.id),
    users,
    clients,
  };
}

/** A live API key written straight to the database, as createApiKey would store it. */
export async function apiKeyFor(app: TestApp, userId: string, workspaceId: string, role: Role, extra: { expiresAt?: Date } = {}) {
  const secret = `kith_${generateSecretToken()}`;
  const apiKey = await app.prisma.apiKey.create({
    data: { workspaceId, createdById: userId, role, name: `${role} key`, prefix: secret.slice(0, 11), secretHash: hashToken(secret), ...extra },
  });
  return { secret, apiKey };
}
