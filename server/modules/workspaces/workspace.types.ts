import { builder } from '../../builder.js';
import { permissionsOf } from '../../auth/permissions.js';
import { Role } from '../../generated/prisma/enums.js';
import { UserType } from '../accounts/user.types.js';
import { byUuid } from '../node/uuid.js';

export const RoleEnum = builder.enumType(Role, { name: 'Role' });

export const InvitationStatus = builder.enumType('InvitationStatus', {
  values: ['PENDING', 'ACCEPTED', 'REVOKED', 'EXPIRED'] as const,
});

export const WorkspaceType = builder.prismaNode('Workspace', {
  id: { field: 'id' },
  findUnique: (id) => byUuid(id),
  authScopes: (workspace) => ({ member: workspace.id }),
  fields: (t) => ({
    name: t.exposeString('name'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    defaultPhoneCountry: t.exposeString('defaultPhoneCountry', { nullable: true, description: 'Country (ISO 3166-1 alpha-2) for phone numbers written without +code.' }),
    viewerRole: t.field({
      type: RoleEnum,
      description: "The signed-in user's role here.",
      resolve: async (workspace, _args, ctx) => (await ctx.roleIn(workspace.id))!,
    }),
    viewerPermissions: t.stringList({
      description: 'What the signed-in user may do here, from the permission table.',
      // Billing permissions mean nothing on a server without billing: the web app shows no billing there.
      resolve: async (workspace, _args, ctx) => permissionsOf((await ctx.roleIn(workspace.id))!).filter((p) => ctx.app.billing || !p.startsWith('billing:')),
    }),
    members: t.relation('memberships', {
      authScopes: (workspace) => ({ can: { workspaceId: workspace.id, permission: 'members:read' } }),
      query: { orderBy: { createdAt: 'asc' } },
    }),
    invitations: t.relation('invitations', {
      description: 'Pending invitations.',
      authScopes: (workspace) => ({ can: { workspaceId: workspace.id, permission: 'invitations:manage' } }),
      query: () => ({
        where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        orderBy: { createdAt: 'desc' },
      }),
    }),
  }),
});

builder.prismaNode('Membership', {
  id: { field: 'id' },
  findUnique: (id) => byUuid(id),
  authScopes: (membership) => ({ member: membership.workspaceId }),
  fields: (t) => ({
    role: t.expose('role', { type: RoleEnum }),
    joinedAt: t.expose('createdAt', { type: 'DateTime' }),
    user: t.relation('user'),
    workspace: t.relation('workspace'),
  }),
});

builder.prismaNode('Invitation', {
  id: { field: 'id' },
  findUnique: (id) => byUuid(id),
  authScopes: (invitation) => ({ can: { workspaceId: invitation.workspaceId, permission: 'invitations:manage' } }),
  fields: (t) => ({
    email: t.exposeString('email'),
    role: t.expose('role', { type: RoleEnum }),
    status: t.field({ type: InvitationStatus, resolve: invitationStatus }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    invitedBy: t.field({
      type: UserType,
      nullable: true,
      description: 'Who sent the invitation; null once they no longer share a workspace with you.',
      select: (_args, _ctx, nestedSelection) => ({ invitedBy: nestedSelection(true) }),
      // The User type is visible only to co-members: an inviter who left reads as null, not as an error.
      resolve: async (invitation, _args, ctx) => {
        const inviter = invitation.invitedBy;
        if (!inviter || !ctx.viewer) return null;
        const visible = inviter.id === ctx.viewer.user.id || (await ctx.sharesWorkspaceWith.load(inviter.id));
        return visible ? inviter : null;
      },
    }),
  }),
});

export function invitationStatus(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }) {
  if (invitation.acceptedAt) return 'ACCEPTED' as const;
  if (invitation.revokedAt) return 'REVOKED' as const;
  return invitation.expiresAt <= new Date() ? ('EXPIRED' as const) : ('PENDING' as const);
}
