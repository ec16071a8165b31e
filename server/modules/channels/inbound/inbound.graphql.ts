import { builder } from '../../../builder.js';
import { inWorkspace } from '../../../auth/field-scopes.js';
import { requireViewer } from '../../accounts/session.service.js';
import { emitEvent } from '../../activity-events/record-event.js';
import { requireWorkspaceId } from '../../workspaces/workspace.service.js';
import { notConfigured } from '../secrets/sealed-secret.js';
import { inboundAddress, inboundAddressOf, rotateInboundAddress } from './inbound-addresses.service.js';
import { permissionInWorkspace } from '../../../auth/record-scopes.js';

interface InboundMailShape {
  workspaceId: string;
  domain: string | null;
}

const InboundMail = builder.objectRef<InboundMailShape>('InboundMail').implement({
  description: 'Forwarding/BCC addresses: mail sent or forwarded to them lands on the timeline.',
  authScopes: (shape) => ({ can: { workspaceId: shape.workspaceId, permission: 'channels:send' } }),
  fields: (t) => ({
    enabled: t.boolean({ description: 'False until the server runs its SMTP receiver (INBOUND_SMTP_PORT).', resolve: (shape) => shape.domain != null }),
    workspaceAddress: t.string({
      nullable: true,
      description: 'BCC this address (or forward to it) to put mail on the timeline; it belongs to the workspace.',
      resolve: async (shape, _args, ctx) => (shape.domain ? inboundAddressOf((await inboundAddress(ctx, shape.workspaceId, null)).token, shape.domain) : null),
    }),
    myAddress: t.string({
      nullable: true,
      description: 'Your own address: what arrives there is yours (you own the records).',
      resolve: async (shape, _args, ctx) =>
        shape.domain ? inboundAddressOf((await inboundAddress(ctx, shape.workspaceId, requireViewer(ctx).user.id)).token, shape.domain) : null,
    }),
    createUnknownContacts: t.boolean({
      description: 'Whether mail from an unknown sender creates a contact.',
      resolve: async (shape, _args, ctx) =>
        (await ctx.prisma.channelSettings.findUnique({ where: { workspaceId: shape.workspaceId } }))?.createUnknownContacts ?? false,
    }),
  }),
});

builder.queryField('inboundMail', (t) =>
  t.field({
    type: InboundMail,
    args: { workspaceId: t.arg.id({ required: false }) },
    authScopes: inWorkspace('channels:send'),
    resolve: (_root, args, ctx) => ({ workspaceId: requireWorkspaceId(ctx, args.workspaceId), domain: ctx.app.config.channels.inbound?.domain ?? null }),
  }),
);

builder.mutationFields((t) => ({
  rotateInboundAddress: t.field({
    type: InboundMail,
    description: "Gives the address a new token; mail to the old one is refused from now on. personal: your own address, else the workspace's (admins).",
    args: { workspaceId: t.arg.id({ required: false }), personal: t.arg.boolean() },
    authScopes: (_root, args, ctx) => permissionInWorkspace(ctx, args.personal ? 'channels:send' : 'channels:manage', args.workspaceId),
    resolve: async (_root, args, ctx) => {
      const domain = ctx.app.config.channels.inbound?.domain ?? null;
      if (!domain) throw notConfigured('This server does not receive mail: INBOUND_SMTP_PORT is not set.');
      const workspaceId = requireWorkspaceId(ctx, args.workspaceId);
      await rotateInboundAddress(ctx, workspaceId, args.personal ? requireViewer(ctx).user.id : null);
      return { workspaceId, domain };
    },
  }),
  setCreateUnknownContacts: t.field({
    type: InboundMail,
    description: 'Whether inbound mail from an unknown sender creates a contact.',
    args: { workspaceId: t.arg.id({ required: false }), enabled: t.arg.boolean() },
    authScopes: inWorkspace('channels:manage'),
    resolve: async (_root, args, ctx) => {
      const workspaceId = requireWorkspaceId(ctx, args.workspaceId);
      await ctx.prisma.$transaction(async (tx) => {
        await tx.channelSettings.upsert({
          where: { workspaceId },
          create: { workspaceId, createUnknownContacts: args.enabled },
          update: { createUnknownContacts: args.enabled },
        });
        await emitEvent(tx, ctx, { id: workspaceId, workspaceId }, 'Workspace', 'channel_settings_changed', { createUnknownContacts: args.enabled });
      });
      return { workspaceId, domain: ctx.app.config.channels.inbound?.domain ?? null };
    },
  }),
}));
