import { roleCan } from '../../auth/permissions.js';
import { inWorkspace } from '../../auth/field-scopes.js';
import { builder } from '../../builder.js';
import { requireViewer } from '../accounts/session.service.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import { senderFor } from './email/sender.js';

interface StatusShape {
  workspaceId: string;
}

const ChannelsStatus = builder.objectRef<StatusShape>('ChannelsStatus').implement({
  description: 'Which channels this server and workspace have set up, so screens show only what works.',
  authScopes: (shape) => ({ can: { workspaceId: shape.workspaceId, permission: 'records:read' } }),
  fields: (t) => ({
    available: t.boolean({
      description: 'Whether the server has any channel configured (credentials storable, inbound mail or Twilio): until then the channel screens stay hidden.',
      resolve: (_shape, _args, ctx) => {
        const c = ctx.app.config.channels;
        return c.secretKeys.length > 0 || c.inbound != null || c.twilio != null;
      },
    }),
    mailOAuthProviders: t.stringList({
      description: "Providers whose mailboxes can be connected by OAuth2 here (google, microsoft): set up by the server's administrator.",
      resolve: (_shape, _args, ctx) => (ctx.app.config.channels.secretKeys.length > 0 ? Object.keys(ctx.app.config.channels.oauth) : []),
    }),
    emailSending: t.boolean({
      description:
        "You can send email from records: an SMTP account (yours or the workspace's) or a mailbox you connected with Google or Microsoft is set up, and you may send.",
      resolve: async (shape, _args, ctx) =>
        roleCan(await ctx.roleIn(shape.workspaceId), 'channels:send') && (await senderFor(ctx, shape.workspaceId, requireViewer(ctx).user.id)) != null,
    }),
    sms: t.boolean({
      description: 'You can send SMS and place calls: Twilio is configured, the workspace has a number, and you may send.',
      resolve: async (shape, _args, ctx) =>
        ctx.app.config.channels.twilio != null &&
        roleCan(await ctx.roleIn(shape.workspaceId), 'channels:send') &&
        Boolean((await ctx.prisma.channelSettings.findUnique({ where: { workspaceId: shape.workspaceId } }))?.twilioNumber),
    }),
  }),
});

builder.queryField('channelsStatus', (t) =>
  t.field({
    type: ChannelsStatus,
    args: { workspaceId: t.arg.id({ required: false }) },
    authScopes: inWorkspace('records:read'),
    resolve: (_root, args, ctx) => ({ workspaceId: requireWorkspaceId(ctx, args.workspaceId) }),
  }),
);
