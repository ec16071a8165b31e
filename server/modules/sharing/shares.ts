import { z } from 'zod';
import { inWorkspace } from '../../auth/field-scopes.js';
import { selectedRow } from '../../db/delegate.js';
import { delegateOf } from '../../db/delegate.js';
import { roleCan } from '../../auth/permissions.js';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { badInput, forbidden, notFound } from '../../errors.js';
import { RecordPolicy } from '../../generated/prisma/enums.js';
import { entryForGlobalId } from '../node/uuid.js';
import { keysOf } from '../records/links.service.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import { emitEvent } from '../activity-events/record-event.js';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { recordAccess } from '../../auth/record-access.js';
import type { VisibleModel } from '../../auth/record-rules.js';

const MODELS: Record<string, { model: VisibleModel; column: 'contactId' | 'companyId' | 'dealId' | 'communicationId' }> = {
  Contact: { model: 'contact', column: 'contactId' },
  Company: { model: 'company', column: 'companyId' },
  Deal: { model: 'deal', column: 'dealId' },
  Communication: { model: 'communication', column: 'communicationId' },
};

function shareable(globalId: string) {
  const { entry, id } = entryForGlobalId(globalId, MODELS);
  return { ...entry, id };
}

type OwnedFinder = (args: { where: { id: string }; select: { workspaceId: true; ownerId: true } }) => Promise<{ workspaceId: string; ownerId: string | null }>;

/** Only the record's owner and those who see every record (admins) decide who else sees it. */
async function ownedRecord(ctx: Context, globalId: string) {
  const target = shareable(globalId);
  const delegate = delegateOf<{ findUniqueOrThrow: OwnedFinder }>(ctx.prisma, target.model);
  const record = await delegate.findUniqueOrThrow({ where: { id: target.id }, select: { workspaceId: true, ownerId: true } });
  const access = await recordAccess(ctx, record.workspaceId);
  if (record.ownerId !== access.userId && !roleCan(access.role, 'records:readAll')) {
    throw forbidden('Only the owner of a record or an admin can change who it is shared with.');
  }
  return { ...target, workspaceId: record.workspaceId };
}

builder.prismaObject('RecordShare', {
  description: 'A member or a team that may see a private record.',
  authScopes: (share) => ({ member: share.workspaceId }),
  fields: (t) => ({
    id: t.exposeID('id'),
    user: t.relation('user', { nullable: true }),
    team: t.relation('team', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const RecordPolicyEnum = builder.enumType(RecordPolicy, {
  name: 'RecordPolicy',
  description: 'OPEN: members see workspace-visible records. OWN_AND_SHARED: members see only records they own or that are shared with them.',
});

builder.prismaObjectField('Workspace', 'recordPolicy', (t) => t.expose('recordPolicy', { type: RecordPolicyEnum }));

const recordScope = (recordId: string, permission: 'records:read' | 'records:update') =>
  ({ record: { model: shareable(recordId).model, id: recordId, permission } }) as const;

builder.queryField('recordShares', (t) =>
  t.prismaField({
    type: ['RecordShare'],
    args: { recordId: t.arg.id({ description: 'A contact, company, deal or communication.' }) },
    authScopes: (_root, args) => recordScope(args.recordId, 'records:read'),
    resolve: (query, _root, args, ctx) => {
      const target = shareable(args.recordId);
      return ctx.prisma.recordShare.findMany({ ...query, where: { [target.column]: target.id }, orderBy: { createdAt: 'asc' } });
    },
  }),
);

builder.mutationFields((t) => ({
  shareRecord: t.prismaField({
    type: ['RecordShare'],
    description: 'Lets members and/or teams see a record; returns all of its shares. Sharing twice is harmless.',
    args: {
      recordId: t.arg.id(),
      userIds: t.arg.idList({ required: false, validate: z.array(z.string()).max(100) }),
      teamIds: t.arg.idList({ required: false, validate: z.array(z.string()).max(100) }),
    },
    authScopes: (_root, args) => recordScope(args.recordId, 'records:update'),
    resolve: async (query, _root, args, ctx) => {
      const target = await ownedRecord(ctx, args.recordId);
      const userIds = keysOf(args.userIds ?? [], 'User');
      const teamIds = keysOf(args.teamIds ?? [], 'Team');
      if (userIds.length + teamIds.length === 0) throw badInput('Name at least one member or team.', 'userIds');
      await ctx.prisma.$transaction(async (tx) => {
        const members = await tx.membership.count({ where: { workspaceId: target.workspaceId, userId: { in: userIds } } });
        const teams = await tx.team.count({ where: { workspaceId: target.workspaceId, id: { in: teamIds } } });
        if (members !== userIds.length) throw badInput('Records can be shared only with members of the workspace.', 'userIds');
        if (teams !== teamIds.length) throw badInput('A team was not found in this workspace.', 'teamIds');
        const existing = await tx.recordShare.findMany({ where: { [target.column]: target.id } });
        const has = (key: 'userId' | 'teamId', id: string) => existing.some((share) => share[key] === id);
        const base = { workspaceId: target.workspaceId, [target.column]: target.id };
        await tx.recordShare.createMany({
          data: [
            ...userIds.filter((id) => !has('userId', id)).map((userId) => ({ ...base, userId })),
            ...teamIds.filter((id) => !has('teamId', id)).map((teamId) => ({ ...base, teamId })),
          ],
        });
        await emitEvent(tx, ctx, target, decodeGlobalID(args.recordId).typename, 'shared', { users: userIds.length, teams: teamIds.length });
      });
      return ctx.prisma.recordShare.findMany({ ...query, where: { [target.column]: target.id }, orderBy: { createdAt: 'asc' } });
    },
  }),
  unshareRecord: t.boolean({
    args: { recordId: t.arg.id(), shareId: t.arg.id() },
    authScopes: (_root, args) => recordScope(args.recordId, 'records:update'),
    resolve: async (_root, args, ctx) => {
      const target = await ownedRecord(ctx, args.recordId);
      const { count } = await ctx.prisma.$transaction(async (tx) => {
        const removed = await tx.recordShare.deleteMany({ where: { id: shareKey(args.shareId), [target.column]: target.id } });
        if (removed.count > 0) await emitEvent(tx, ctx, target, decodeGlobalID(args.recordId).typename, 'unshared');
        return removed;
      });
      if (count === 0) throw notFound('Share');
      return true;
    },
  }),
  setRecordPolicy: t.prismaField({
    type: 'Workspace',
    args: { workspaceId: t.arg.id({ required: false }), policy: t.arg({ type: RecordPolicyEnum }) },
    authScopes: inWorkspace('workspace:policy'),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma
        .$transaction((tx) =>
          tx.workspace
            .update({ where: { id: requireWorkspaceId(ctx, args.workspaceId) }, data: { recordPolicy: args.policy } })
            .then((row) => emitEvent(tx, ctx, { id: row.id, workspaceId: row.id }, 'Workspace', 'policy_changed', { recordPolicy: args.policy })),
        )
        .then((row) => selectedRow(ctx, 'workspace', query, row)),
  }),
}));

function shareKey(id: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw notFound('Share');
  return id;
}
