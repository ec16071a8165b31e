import { hashToken } from '../../auth/tokens.js';
import { builder } from '../../builder.js';
import { Theme } from '../../generated/prisma/enums.js';
import { uuidNode } from '../node/uuid.js';
import { WorkspaceType } from '../workspaces/workspace.types.js';

export const ThemeEnum = builder.enumType(Theme, { name: 'Theme' });

export interface PreferencesShape {
  theme: Theme;
  fontFamily: string;
  fontSize: number;
  analyticsOptOut: boolean;
}

export const Preferences = builder.objectRef<PreferencesShape>('Preferences').implement({
  description: 'Display preferences, kept per user so they follow them across devices.',
  authScopes: { personal: true },
  fields: (t) => ({
    theme: t.expose('theme', { type: ThemeEnum }),
    fontFamily: t.exposeString('fontFamily'),
    fontSize: t.exposeInt('fontSize'),
    analyticsOptOut: t.exposeBoolean('analyticsOptOut', {
      description: 'No page views, feature or API-call analytics are kept about you; security logs (sign-ins, sessions) stay.',
    }),
  }),
});

const selfOnly = (user: { id: string }) => ({ self: user.id });

export const UserType = builder.prismaNode('User', {
  ...uuidNode,
  // Select mode: a record's owner loads its name, never the password hash or preferences it does not show.
  select: { id: true, deletedAt: true },
  // Users are visible to themselves and to people they share a workspace with. A deleted account has left
  // every workspace; it stays visible (as "Deleted user" once purged) where its records remain.
  authScopes: (user) => (user.deletedAt ? { authenticated: true } : { seesUser: user.id }),
  fields: (t) => ({
    name: t.exposeString('name'),
    email: t.exposeString('email'),
    emailVerified: t.boolean({ authScopes: selfOnly, select: { emailVerifiedAt: true }, resolve: (user) => user.emailVerifiedAt != null }),
    createdAt: t.expose('createdAt', { type: 'DateTime', authScopes: selfOnly }),
    preferences: t.field({
      type: Preferences,
      authScopes: selfOnly,
      select: { theme: true, fontFamily: true, fontSize: true, analyticsOptOut: true },
      resolve: (user) => ({ theme: user.theme, fontFamily: user.fontFamily, fontSize: user.fontSize, analyticsOptOut: user.analyticsOptOut }),
    }),
    workspaces: t.field({
      type: [WorkspaceType],
      description:
        'Workspaces the user belongs to, oldest membership first. Workspaces scheduled for deletion are not listed (their owners see them in `workspacesPendingDeletion`).',
      authScopes: selfOnly,
      select: (_args, _ctx, nestedSelection) => ({
        memberships: { where: { workspace: { closedAt: null } }, orderBy: { createdAt: 'asc' }, select: { workspace: nestedSelection(true) } },
      }),
      resolve: (user) => user.memberships.map((membership) => membership.workspace),
    }),
    sessions: t.relation('sessions', {
      description: 'Signed-in devices, newest first.',
      authScopes: selfOnly,
      query: () => ({ where: { expiresAt: { gt: new Date() } }, orderBy: { createdAt: 'desc' } }),
    }),
  }),
});

builder.prismaObject('Session', {
  authScopes: (session) => ({ self: session.userId }),
  fields: (t) => ({
    id: t.exposeID('id'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    ipAddress: t.exposeString('ipAddress', { nullable: true }),
    userAgent: t.exposeString('userAgent', { nullable: true }),
    current: t.boolean({
      resolve: (session, _args, ctx) => ctx.viewer?.session != null && hashToken(ctx.viewer.session.id) === session.id,
    }),
  }),
});

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The signed-in user, or null when signed out.',
    authScopes: { public: true },
    resolve: (query, _root, _args, ctx) => {
      const select = { ...query }; // read even when signed out, so Pothos's unused-query check stays quiet
      return ctx.viewer ? ctx.prisma.user.findUnique({ ...select, where: { id: ctx.viewer.user.id } }) : null;
    },
  }),
);
