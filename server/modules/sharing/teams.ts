import { selectedRow } from '../../db/delegate.js';
import { z } from 'zod';
import { rowList } from '../workspaces/row-lists.js';
import { inWorkspace, onRow } from '../../auth/field-scopes.js';
import { builder } from '../../builder.js';
import { badInput, rethrowUniqueViolation } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { UserType } from '../accounts/user.types.js';
import { idFromGlobalId, memberNode } from '../node/uuid.js';
import { requiredText } from '../records/common.types.js';
import { keysOf } from '../records/links.service.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import { changedFields, emitEvent } from '../activity-events/record-event.js';

builder.prismaNode('Team', {
  ...memberNode,
  description: 'A group of members that private records can be shared with.',
  fields: (t) => ({
    name: t.exposeString('name'),
    members: t.field({
      type: [UserType],
      select: (_args, _ctx, nestedSelection) => ({ members: { select: { user: nestedSelection(true) } } }),
      resolve: (team) => team.members.map((m) => m.user),
    }),
  }),
});

const teamName = requiredText('Team name', 80);
const memberIds = z.array(z.string()).max(500, 'At most 500 members per team.');

async function memberKeys(tx: Prisma.TransactionClient, workspaceId: string, globalIds: readonly string[]) {
  const userIds = keysOf(globalIds, 'User');
  const found = await tx.membership.count({ where: { workspaceId, userId: { in: userIds } } });
  if (found !== userIds.length) throw badInput('Every team member must be a member of the workspace.', 'memberIds');
  return userIds;
}

const duplicate = 'A team with this name already exists.';

builder.queryField('teams', (t) => rowList(t, { type: 'Team', model: 'team', permission: 'records:read', orderBy: { name: 'asc' } }));

builder.mutationFields((t) => ({
  createTeam: t.prismaField({
    type: 'Team',
    args: {
      workspaceId: t.arg.id({ required: false }),
      name: t.arg.string({ validate: teamName }),
      memberIds: t.arg.idList({ required: false, validate: memberIds }),
    },
    authScopes: inWorkspace('teams:manage'),
    resolve: async (query, _root, args, ctx) => {
      const workspaceId = requireWorkspaceId(ctx, args.workspaceId);
      const team = await ctx.prisma
        .$transaction(async (tx) => {
          const userIds = await memberKeys(tx, workspaceId, args.memberIds ?? []);
          return tx.team
            .create({ data: { workspaceId, name: args.name.trim(), members: { create: userIds.map((userId) => ({ userId })) } } })
            .then((row) => emitEvent(tx, ctx, row, 'Team', 'created', { members: userIds.length }));
        })
        .catch((error: unknown) => rethrowUniqueViolation(error, duplicate, 'name'));
      return ctx.prisma.team.findUniqueOrThrow({ ...query, where: { id: team.id } });
    },
  }),
  updateTeam: t.prismaField({
    type: 'Team',
    description: 'Renames a team and/or replaces its members.',
    args: {
      id: t.arg.id(),
      name: t.arg.string({ required: false, validate: teamName }),
      memberIds: t.arg.idList({ required: false, validate: memberIds }),
    },
    authScopes: onRow('team', 'teams:manage'),
    resolve: async (query, _root, args, ctx) => {
      const id = idFromGlobalId(args.id, 'Team');
      await ctx.prisma
        .$transaction(async (tx) => {
          const team = await tx.team.update({ where: { id }, data: { name: args.name?.trim() ?? undefined } });
          await emitEvent(tx, ctx, team, 'Team', 'updated', changedFields({ name: args.name ?? undefined, memberIds: args.memberIds ?? undefined }));
          if (!args.memberIds) return;
          const userIds = await memberKeys(tx, team.workspaceId, args.memberIds);
          await tx.teamMember.deleteMany({ where: { teamId: id } });
          await tx.teamMember.createMany({ data: userIds.map((userId) => ({ teamId: id, userId })) });
        })
        .catch((error: unknown) => rethrowUniqueViolation(error, duplicate, 'name'));
      ctx.invalidateRoles();
      return selectedRow(ctx, 'team', query, { id });
    },
  }),
  deleteTeam: t.boolean({
    description: 'Deletes the team; records shared with it are no longer shared through it.',
    args: { id: t.arg.id() },
    authScopes: onRow('team', 'teams:manage'),
    resolve: async (_root, args, ctx) => {
      await ctx.prisma.$transaction((tx) =>
        tx.team.delete({ where: { id: idFromGlobalId(args.id, 'Team') } }).then((row) => emitEvent(tx, ctx, row, 'Team', 'deleted', { name: row.name })),
      );
      return true;
    },
  }),
}));
