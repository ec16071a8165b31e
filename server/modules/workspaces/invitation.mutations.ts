import { builder } from '../../builder.js';
import { rowMutations } from './row-mutations.js';
import { selectedRow } from '../../db/delegate.js';
import { tokenInput, emailInput } from '../accounts/inputs.js';
import { acceptInvitation, findInvitationByToken, inviteMember, resendInvitation, revokeInvitation } from './invitation.service.js';
import { RoleEnum } from './workspace.types.js';
import { requireWorkspaceId } from './workspace.service.js';
import { permissionInWorkspace } from '../../auth/record-scopes.js';

const InvitationPreview = builder
  .objectRef<{ workspaceName: string; email: string; role: 'OWNER' | 'ADMIN' | 'MEMBER' | 'VIEWER'; inviterName: string | null; expiresAt: Date }>(
    'InvitationPreview',
  )
  .implement({
    description: 'What an invitation link offers, shown before accepting it.',
    authScopes: { authenticated: true },
    fields: (t) => ({
      workspaceName: t.exposeString('workspaceName'),
      email: t.exposeString('email'),
      role: t.expose('role', { type: RoleEnum }),
      inviterName: t.exposeString('inviterName', { nullable: true }),
      expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    }),
  });

builder.queryField('invitation', (t) =>
  t.field({
    type: InvitationPreview,
    authScopes: { personal: true },
    args: { token: t.arg.string({ validate: tokenInput }) },
    resolve: async (_root, { token }, ctx) => {
      const invitation = await findInvitationByToken(ctx, token);
      return {
        workspaceName: invitation.workspace.name,
        email: invitation.email,
        role: invitation.role,
        inviterName: invitation.invitedBy?.name ?? null,
        expiresAt: invitation.expiresAt,
      };
    },
  }),
);

builder.mutationFields((t) => {
  const invitations = rowMutations(t, 'invitation', 'invitations:manage');
  return {
    inviteMember: t.prismaField({
      type: 'Invitation',
      description: 'Emails an invitation (valid 7 days). You can invite with roles up to your own.',
      args: {
        workspaceId: t.arg.id({ required: false }),
        email: t.arg.string({ validate: emailInput }),
        role: t.arg({ type: RoleEnum }),
      },
      authScopes: (_root, args, ctx) => ({
        $all: { verified: true, ...permissionInWorkspace(ctx, 'invitations:manage', args.workspaceId) },
      }),
      resolve: async (query, _root, args, ctx) =>
        selectedRow(ctx, 'invitation', query, await inviteMember(ctx, requireWorkspaceId(ctx, args.workspaceId), args.email, args.role)),
    }),
    resendInvitation: invitations.act(resendInvitation, 'Sends a new link and restarts the 7 days; the old link stops working.', 'invitationId'),
    revokeInvitation: invitations.act(revokeInvitation, undefined, 'invitationId'),
    acceptInvitation: t.prismaField({
      type: 'Membership',
      description: 'Joins the workspace of an invitation addressed to your (verified) email.',
      authScopes: { $all: { verified: true, personal: true } },
      args: { token: t.arg.string({ validate: tokenInput }) },
      resolve: async (query, _root, { token }, ctx) => selectedRow(ctx, 'membership', query, await acceptInvitation(ctx, token)),
    }),
  };
});
