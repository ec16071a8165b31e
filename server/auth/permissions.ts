// The one place that says what each workspace role may do. Scopes read it; resolvers never compare roles.
import type { Role } from '../generated/prisma/enums.js';

export const ROLES = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'] as const satisfies readonly Role[];

const RANK: Record<Role, number> = { VIEWER: 1, MEMBER: 2, ADMIN: 3, OWNER: 4 };

/** Each permission names the least role that holds it. */
export const PERMISSIONS = {
  'workspace:read': 'VIEWER',
  'workspace:rename': 'ADMIN',
  /** Workspace-wide defaults, such as the country phone numbers are read in. */
  'workspace:settings': 'ADMIN',
  'members:read': 'VIEWER',
  'members:manage': 'ADMIN',
  'invitations:manage': 'ADMIN',
  'ownership:transfer': 'OWNER',
  'workspace:policy': 'ADMIN',
  'teams:manage': 'ADMIN',
  'records:read': 'VIEWER',
  /** See private records whatever the workspace policy. */
  'records:readAll': 'ADMIN',
  'records:create': 'MEMBER',
  'records:update': 'MEMBER',
  /** Delete records one owns or created. */
  'records:deleteOwn': 'MEMBER',
  /** Delete anyone's records. */
  'records:deleteAny': 'ADMIN',
  'records:merge': 'MEMBER',
  /** See and undo every member's imports (members see and undo their own, with records:create). */
  'imports:manageAll': 'ADMIN',
  'tags:manage': 'MEMBER',
  'pipelines:manage': 'ADMIN',
  /** Add, rename, reorder, archive, delete and retype custom fields and their options. */
  'customFields:manage': 'ADMIN',
  /** Keep one's own private saved views of the lists one reads, and star a default view. */
  'views:save': 'VIEWER',
  /** Share one's views with the workspace, and change or delete one's shared views. */
  'views:share': 'MEMBER',
  /** Change or delete anyone's shared views. */
  'views:manageShared': 'ADMIN',
  'forms:manage': 'MEMBER',
  'files:upload': 'MEMBER',
  'apiKeys:manage': 'ADMIN',
  'audit:read': 'ADMIN',
  /** Subject access exports and erasure of a contact. */
  'privacy:manage': 'ADMIN',
  'workspace:delete': 'OWNER',
  /** Export the whole workspace and download its archives. */
  'workspace:export': 'ADMIN',
  'webhooks:manage': 'ADMIN',
  /** The workspace's usage summary (API calls, features, pages, active members). */
  'usage:read': 'OWNER',
  /** Send selected records to the instance's AI provider (summaries, drafts, extraction, next steps). */
  'ai:use': 'MEMBER',
  /** Turn AI on or off for the workspace. */
  'ai:manage': 'ADMIN',
  /** Start a subscription with Stripe Checkout (billing on only). */
  'billing:checkout': 'OWNER',
  /** See the billing page (plan, usage, invoices) and manage the subscription in Stripe's customer portal. */
  'billing:manage': 'ADMIN',
  /** The workspace's SMTP account, inbound addresses, Twilio number and channel settings. */
  'channels:manage': 'ADMIN',
  /** Send email and SMS from records, place calls, keep one's own SMTP account and mailboxes. */
  'channels:send': 'MEMBER',
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

export function roleCan(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && RANK[role] >= RANK[PERMISSIONS[permission]];
}

/** A role may hand out roles up to its own, and only owners make owners. */
export function canAssignRole(actor: Role, target: Role): boolean {
  return roleCan(actor, 'members:manage') && RANK[target] <= RANK[actor];
}

/** Managing a member (change role, remove) needs a role at least as high as theirs. */
export function canManageMember(actor: Role, member: Role): boolean {
  return roleCan(actor, 'members:manage') && RANK[member] <= RANK[actor];
}

export function lowerRole(a: Role, b: Role): Role {
  return RANK[a] <= RANK[b] ? a : b;
}

/** Every role that holds the permission, for queries over memberships. */
export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((role) => roleCan(role, permission));
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => roleCan(role, p));
}
