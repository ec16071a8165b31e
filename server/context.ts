import DataLoader from 'dataloader';
import type { Session, User } from 'lucia';
import type { AppServices } from './app-services.js';
import type { PrismaClient } from './generated/prisma/client.js';
import type { Role } from './generated/prisma/enums.js';
import { parseWorkspaceId } from './modules/workspaces/workspace-id.js';

export interface Viewer {
  user: User;
  session: Session;
}

export interface RequestInfo {
  ip: string;
  userAgent: string | null;
  /** The raw `x-workspace-id` header, if any. */
  workspaceHeader: string | null;
}

export interface Context {
  app: AppServices;
  prisma: PrismaClient;
  request: RequestInfo;
  viewer: Viewer | null;
  /** The viewer's role in a workspace, or null when not a member; one query per request. */
  roleIn(workspaceId: string): Promise<Role | null>;
  /** Whether the viewer shares a workspace with this user; batched per request. */
  sharesWorkspaceWith: DataLoader<string, boolean>;
  /** The workspace the request acts on: explicit argument first, then the header. */
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
): Context {
  const prisma = app.db.prisma;
  let roles: Promise<Map<string, Role>> | null = null;
  const loadRoles = () => {
    const userId = context.viewer?.user.id;
    roles ??= userId
      ? prisma.membership
          .findMany({ where: { userId }, select: { workspaceId: true, role: true } })
          .then((rows) => new Map(rows.map((r) => [r.workspaceId, r.role])))
      : Promise.resolve(new Map());
    return roles;
  };

  const sharesWorkspaceWith = new DataLoader<string, boolean>(async (userIds) => {
    const workspaceIds = [...(await loadRoles()).keys()];
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
    roleIn: async (workspaceId) => (await loadRoles()).get(workspaceId) ?? null,
    sharesWorkspaceWith,
    workspaceIdFrom: (explicit) => parseWorkspaceId(explicit ?? request.workspaceHeader),
    memo<T>(key: string, create: () => T): T {
      if (!memos.has(key)) memos.set(key, create());
      return memos.get(key) as T;
    },
    invalidateRoles() {
      roles = null;
      memos.clear();
      sharesWorkspaceWith.clearAll();
    },
    setCookie,
  };
  return context;
}
