import { AuthScopeFailureType, type AuthFailure } from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';
import { badInput, forbidden, notFound, unauthenticated } from '../errors.js';
import { assertWritable } from '../modules/billing/limits.js';
import { roleCan } from './permissions.js';
import { canSeeRecord, knownVisible, type RecordRef } from './record-access.js';
import { mayActOnRecord, mayDeleteRecord, type RecordPermission, type RecordTarget, type WorkspacePermission } from './record-scopes.js';
import { mayActOnWorkspaceRow, type WorkspaceRowPermission } from './workspace-rows.js';

export interface Scopes {
  public: boolean;
  /** A person or an API key. */
  authenticated: boolean;
  /** A person signed in with a session: account-level actions are theirs alone, never an API key's. */
  personal: boolean;
  verified: boolean;
  /** The viewer is this user, signed in with a session. */
  self: string;
  /** The viewer is this user or shares a workspace with them. */
  seesUser: string;
  /** The viewer belongs to this workspace. */
  member: string;
  /** The viewer's role in the workspace holds the permission. */
  can: WorkspacePermission;
  /** The viewer may see this record (record-rules.ts). */
  seesRecord: RecordRef;
  /** The viewer sees this record (NOT_FOUND otherwise) and their role holds the permission in its workspace. */
  record: RecordPermission;
  /** The viewer sees this record and may delete or restore it: their own with records:deleteOwn, any with records:deleteAny. */
  deletes: RecordTarget;
  /** This row of a workspace (member, team, pipeline, webhook...) is in one of the viewer's workspaces (NOT_FOUND otherwise), where their role holds the permission. */
  workspaceRow: WorkspaceRowPermission;
  /** The viewer (a person, or their API key) is this user: what is theirs alone, such as private saved views. */
  ownedBy: string;
}

/** Scopes whose failure means "this does not exist for you", reported as NOT_FOUND. */
const VISIBILITY_SCOPES = new Set(['member', 'seesUser', 'seesRecord', 'ownedBy']);

// Loaders read context.viewer on every call: sign-in and sign-up set the viewer mid-request.
// Loaders answer synchronously when the request already knows (the viewer themselves, loaded standings,
// rows a visible list loaded): a promise here makes every field of every row of a page asynchronous.
export function scopeLoaders(context: Context) {
  const viewer = () => context.viewer;
  const can = async ({ workspaceId, permission }: WorkspacePermission) => {
    if (!viewer()) return false;
    if (!workspaceId) throw badInput('Choose a workspace: pass workspaceId or the x-workspace-id header.', 'workspaceId');
    const role = await context.roleIn(workspaceId);
    if (!role) throw notFound('Workspace');
    if (!roleCan(role, permission)) return false;
    // The plan may refuse what the role allows (billing on only): a read-only workspace, for one.
    if (context.app.billing) await assertWritable(context, workspaceId, permission);
    return true;
  };
  return {
    public: true,
    authenticated: () => viewer() != null,
    personal: () => viewer()?.session != null,
    verified: () => viewer()?.user.emailVerifiedAt != null,
    self: (userId: string) => viewer()?.session != null && viewer()?.user.id === userId,
    seesUser: (userId: string) => viewer() != null && (viewer()?.user.id === userId || context.sharesWorkspaceWith.load(userId)),
    member: (workspaceId: string) => {
      if (viewer() == null) return false;
      const loaded = context.loadedStandings();
      return loaded ? loaded.has(workspaceId) : context.roleIn(workspaceId).then((role) => role != null);
    },
    can,
    record: (target: RecordPermission) => mayActOnRecord(context, target, can),
    deletes: (target: RecordTarget) => mayDeleteRecord(context, target, can),
    workspaceRow: (target: WorkspaceRowPermission) => mayActOnWorkspaceRow(context, target, can),
    ownedBy: (userId: string) => viewer()?.user.id === userId,
    seesRecord: (ref: RecordRef) =>
      viewer() != null && (knownVisible(context, ref) || context.roleIn(ref.workspaceId).then((role) => role != null && canSeeRecord(context, ref))),
  };
}

/**
 * A scope argument as the key of scope-auth's per-request cache: itself when it is a string or a boolean, and
 * a short string for a record (asked once per row of a page, where JSON.stringify showed in profiles).
 */
export function scopeCacheKey(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const ref = value as Partial<RecordRef>;
  if (typeof ref.model === 'string' && typeof ref.id === 'string' && typeof ref.workspaceId === 'string' && Object.keys(value).length === 3) {
    return `${ref.model}:${ref.id}:${ref.workspaceId}`;
  }
  return JSON.stringify(value);
}

function involvesScope(failure: AuthFailure, scopes: Set<string>): boolean {
  switch (failure.kind) {
    case AuthScopeFailureType.AuthScope:
      return scopes.has(failure.scope);
    case AuthScopeFailureType.AnyAuthScopes:
    case AuthScopeFailureType.AllAuthScopes:
      return failure.failures.some((f) => involvesScope(f, scopes));
    default:
      return false;
  }
}

/** Whether a failed check means "this does not exist for you" rather than "you may not do this". */
export const hidesRecord = (failure: AuthFailure) => involvesScope(failure, VISIBILITY_SCOPES);

export function unauthorizedError(context: Context, failure: AuthFailure): GraphQLError {
  if (!context.viewer) return unauthenticated();
  if (hidesRecord(failure)) return notFound();
  if (involvesScope(failure, new Set(['verified']))) return forbidden('Verify your email address first.');
  return forbidden();
}
