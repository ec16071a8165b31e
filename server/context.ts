import DataLoader from 'dataloader';
import type { Session, User } from 'lucia';
import type { AppServices } from './app-services.js';
import type { PrismaClient } from './generated/prisma/client.js';
import { lowerRole } from './auth/permissions.js';
import type { Role } from './generated/prisma/enums.js';
import { Prisma } from './generated/prisma/client.js';
import { standingsJsonSql, standingsMap, type StandingRow, type WorkspaceStanding } from './auth/standings.js';
import { parseWorkspaceId } from './modules/workspaces/workspace-id.js';

/** A workspace API key acting for its creator, capped at its own role. */
export interface ApiKeyPrincipal {
  id: string;
  workspaceId: string;
  role: Role;
}

/** Who is calling: a person with a session, or an integration with an API key (then `session` is null). */
export interface Viewer {
  user: User;
  session: Session | null;
  apiKey: ApiKeyPrincipal | null;
}

export interface RequestInfo {
  ip: string;
  userAgent: string | null;
  /** The raw `x-workspace-id` header, if any. */
  workspaceHeader: string | null;
  /** The `Accept-Language` header: a new workspace's phone country is guessed from it. */
  acceptLanguage?: string | null;
}

export interface Context {
  app: AppServices;
  prisma: PrismaClient;
  request: RequestInfo;
  viewer: Viewer | null;
  /** The viewer's role in a workspace, or null when not a member; one query per request. */
  roleIn(workspaceId: string): Promise<Role | null>;
  /** Role, record policy and teams in a workspace, or null when not a member; same single query as roleIn. */
  standingIn(workspaceId: string): Promise<WorkspaceStanding | null>;
  /** Every workspace the viewer is in, with their standing there. */
  standings(): Promise<ReadonlyMap<string, WorkspaceStanding>>;
  /** The same map once it has loaded in this request (null before), for checks that must not wait. */
  loadedStandings(): ReadonlyMap<string, WorkspaceStanding> | null;
  /** Whether the viewer shares a workspace with this user; batched per request. */
  sharesWorkspaceWith: DataLoader<string, boolean>;
  /** The workspace the request acts on: explicit argument first, then the header, then an API key's own. */
  workspaceIdFrom(explicit?: string | null): string | null;
  /** A per-request memo for loaders that several resolvers share. */
  memo<T>(key: string, create: () => T): T;
  /** Forget cached memberships after a mutation changed them. */
  invalidateRoles(): void;
  setCookie(serialized: string): void;
}

export function createContext(
  app: AppServices,
  request: RequestInfo,
  viewer: Viewer | null,
  setCookie: (serialized: string) => void,
  /** Standings the session statement already read (session viewers only). */
  preloadedStandings?: Map<string, WorkspaceStanding>,
): Context {
  const prisma = app.db.prisma;
  let loadedStandings: Map<string, WorkspaceStanding> | null = preloadedStandings ?? null;
  let standings: Promise<Map<string, WorkspaceStanding>> | null = loadedStandings && Promise.resolve(loadedStandings);
  const loadStandings = () => {
    if (standings) return standings;
    const userId = context.viewer?.user.id;
    const apiKey = context.viewer?.apiKey;
    const loading = (userId ? loadWorkspaceStandings(prisma, userId, apiKey) : Promise.resolve(new Map<string, WorkspaceStanding>())).then((map) => {
      // A load that invalidateRoles superseded must not become the current answer.
      if (standings === loading) loadedStandings = map;
      return map;
    });
    standings = loading;
    return loading;
  };

  const sharesWorkspaceWith = new DataLoader<string, boolean>(async (userIds) => {
    const workspaceIds = [...(await loadStandings()).keys()];
    const rows = await prisma.membership.findMany({
      where: { userId: { in: [...userIds] }, workspaceId: { in: workspaceIds } },
      select: { userId: true },
    });
    const shared = new Set(rows.map((r) => r.userId));
    return userIds.map((id) => shared.has(id));
  });

  const memos = new Map<string, unknown>();

  const context: Context = {
    app,
    prisma,
    request,
    viewer,
    roleIn: async (workspaceId) => (await loadStandings()).get(workspaceId)?.role ?? null,
    standingIn: async (workspaceId) => (await loadStandings()).get(workspaceId) ?? null,
    standings: loadStandings,
    loadedStandings: () => loadedStandings,
    sharesWorkspaceWith,
    workspaceIdFrom: (explicit) => {
      const named = explicit ?? request.workspaceHeader;
      // A key belongs to one workspace, so a request with a key that names none means that one.
      return named ? parseWorkspaceId(named) : (context.viewer?.apiKey?.workspaceId ?? null);
    },
    memo<T>(key: string, create: () => T): T {
      if (!memos.has(key)) memos.set(key, create());
      return memos.get(key) as T;
    },
    invalidateRoles() {
      standings = null;
      loadedStandings = null;
      memos.clear();
      sharesWorkspaceWith.clearAll();
    },
    setCookie,
  };
  return context;
}

/** Every membership of the user with what record visibility needs, in one statement. */
async function loadWorkspaceStandings(
  prisma: PrismaClient,
  userId: string,
  apiKey: ApiKeyPrincipal | null | undefined,
): Promise<Map<string, WorkspaceStanding>> {
  const [row] = await prisma.$queryRaw<Array<{ standings: StandingRow[] }>>`SELECT ${standingsJsonSql(Prisma.sql`${userId}::uuid`)} AS standings`;
  const standings = standingsMap(row?.standings ?? []);
  return apiKey ? keyStandings(standings, apiKey) : standings;
}

/** A key reaches only its own workspace, with the lower of its role and its creator's current role. */
function keyStandings(creator: Map<string, WorkspaceStanding>, apiKey: ApiKeyPrincipal): Map<string, WorkspaceStanding> {
  const standing = creator.get(apiKey.workspaceId);
  if (!standing) return new Map();
  return new Map([[apiKey.workspaceId, { ...standing, role: lowerRole(standing.role, apiKey.role) }]]);
}
