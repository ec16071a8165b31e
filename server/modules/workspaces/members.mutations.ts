import { builder } from '../../builder.js';
import { onRow } from '../../auth/field-scopes.js';
import { selectedRow } from '../../db/delegate.js';
import { idFromGlobalId } from '../node/uuid.js';
import { changeMemberRole, removeMember } from './members.service.js';
import { RoleEnum } from './workspace.types.js';

const memberKey = (globalId: string) => idFromGlobalId(globalId, 'Membership', 'Member');

builder.mutationFields((t) => ({
  changeMemberRole: t.prismaField({
    type: 'Membership',
    description: "Changes a member's role. You can give roles up to your own; a workspace always keeps an owner.",
    args: { memberId: t.arg.id(), role: t.arg({ type: RoleEnum }) },
    authScopes: onRow('membership', 'members:manage', 'memberId'),
    resolve: async (query, _root, args, ctx) => selectedRow(ctx, 'membership', query, await changeMemberRole(ctx, memberKey(args.memberId), args.role)),
  }),
  removeMember: t.boolean({
    args: { memberId: t.arg.id() },
    authScopes: onRow('membership', 'members:manage', 'memberId'),
    resolve: async (_root, args, ctx) => {
      await removeMember(ctx, memberKey(args.memberId));
      return true;
    },
  }),
}));
