import { builder } from '../../builder.js';
import { UserType } from '../accounts/user.types.js';
import { uuidNode } from '../node/uuid.js';
import { RoleEnum } from './workspace.types.js';

export const InvitationStatus = builder.enumType('InvitationStatus', {
  values: ['PENDING', 'ACCEPTED', 'REVOKED', 'EXPIRED'] as const,
});

builder.prismaNode('Invitation', {
  ...uuidNode,
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
