import { builder } from '../../builder.js';
import { inWorkspace, onRow } from '../../auth/field-scopes.js';
import { selectedRow } from '../../db/delegate.js';
import { requireViewer } from '../accounts/session.service.js';
import { idFromGlobalId } from '../node/uuid.js';
import { leaveWorkspace, transferOwnership } from './members.service.js';
import { createWorkspaceWithOwner, requireWorkspaceId, workspaceNameInput } from './workspace.service.js';
import { emitEvent } from '../activity-events/record-event.js';
import { countryFromLocale, phoneCountryInput } from './phone-country.js';
import { permissionInWorkspace } from '../../auth/record-scopes.js';

builder.mutationFields((t) => ({
  createWorkspace: t.prismaField({
    type: 'Workspace',
    description: 'Creates a workspace with you as its owner.',
    authScopes: { $all: { verified: true, personal: true } },
    args: {
      name: t.arg.string({ validate: workspaceNameInput }),
      defaultPhoneCountry: t.arg.string({
        required: false,
        description: 'Country for phone numbers written without +code; guessed from Accept-Language when left out.',
        validate: phoneCountryInput,
      }),
    },
    resolve: async (query, _root, { name, defaultPhoneCountry }, ctx) => {
      const country = defaultPhoneCountry ?? countryFromLocale(ctx.request.acceptLanguage);
      const created = await ctx.prisma.$transaction((tx) =>
        createWorkspaceWithOwner(tx, name, requireViewer(ctx).user.id, country).then((row) =>
          emitEvent(tx, ctx, { id: row.id, workspaceId: row.id }, 'Workspace', 'created').then(() => row),
        ),
      );
      ctx.invalidateRoles();
      return ctx.prisma.workspace.findUniqueOrThrow({ ...query, where: { id: created.id } });
    },
  }),
  renameWorkspace: t.prismaField({
    type: 'Workspace',
    args: { workspaceId: t.arg.id({ required: false }), name: t.arg.string({ validate: workspaceNameInput }) },
    authScopes: inWorkspace('workspace:rename'),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma
        .$transaction((tx) =>
          tx.workspace
            .update({ where: { id: requireWorkspaceId(ctx, args.workspaceId) }, data: { name: args.name.trim() } })
            .then((row) => emitEvent(tx, ctx, { id: row.id, workspaceId: row.id }, 'Workspace', 'renamed')),
        )
        .then((row) => selectedRow(ctx, 'workspace', query, row)),
  }),
  setWorkspacePhoneCountry: t.prismaField({
    type: 'Workspace',
    description: 'Sets the country phone numbers written without +code are read in (null: every number needs its +code).',
    args: { workspaceId: t.arg.id({ required: false }), country: t.arg.string({ required: false, validate: phoneCountryInput }) },
    authScopes: inWorkspace('workspace:settings'),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma
        .$transaction((tx) =>
          tx.workspace
            .update({ where: { id: requireWorkspaceId(ctx, args.workspaceId) }, data: { defaultPhoneCountry: args.country?.toUpperCase() ?? null } })
            .then((row) => emitEvent(tx, ctx, { id: row.id, workspaceId: row.id }, 'Workspace', 'settings_changed', { fields: ['defaultPhoneCountry'] })),
        )
        .then((row) => selectedRow(ctx, 'workspace', query, row)),
  }),
  leaveWorkspace: t.boolean({
    description: 'Leaves a workspace. The last owner must hand over ownership first.',
    args: { workspaceId: t.arg.id({ required: false }) },
    authScopes: (_root, args, ctx) => ({ $all: { personal: true, ...permissionInWorkspace(ctx, 'workspace:read', args.workspaceId) } }),
    resolve: async (_root, args, ctx) => {
      await leaveWorkspace(ctx, requireWorkspaceId(ctx, args.workspaceId));
      return true;
    },
  }),
  transferOwnership: t.prismaField({
    type: 'Workspace',
    description: 'Makes another member an owner and you an admin.',
    args: { memberId: t.arg.id() },
    authScopes: onRow('membership', 'ownership:transfer', 'memberId'),
    resolve: async (query, _root, args, ctx) => {
      const workspaceId = await transferOwnership(ctx, idFromGlobalId(args.memberId, 'Membership', 'Member'));
      return ctx.prisma.workspace.findUniqueOrThrow({ ...query, where: { id: workspaceId } });
    },
  }),
}));
