import { builder } from '../../builder.js';
import { permissionsOf } from '../../auth/permissions.js';
import { Role } from '../../generated/prisma/enums.js';
import { uuidNode, memberNode } from '../node/uuid.js';

export const RoleEnum = builder.enumType(Role, { name: 'Role' });

export const WorkspaceType = builder.prismaNode('Workspace', {
  ...uuidNode,
  authScopes: (workspace) => ({ member: workspace.id }),
  fields: (t) => ({
    name: t.exposeString('name'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    defaultPhoneCountry: t.exposeString('defaultPhoneCountry', {
      nullable: true,
      description: 'Country (ISO 3166-1 alpha-2) for phone numbers written without +code.',
    }),
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
  ...memberNode,
  fields: (t) => ({
    role: t.expose('role', { type: RoleEnum }),
    joinedAt: t.expose('createdAt', { type: 'DateTime' }),
    user: t.relation('user'),
    workspace: t.relation('workspace'),
  }),
});
