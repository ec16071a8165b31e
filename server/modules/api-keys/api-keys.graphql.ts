import { builder } from '../../builder.js';
import { selectedRow } from '../../db/delegate.js';
import type { Context } from '../../context.js';
import { idFromGlobalId, uuidNode } from '../node/uuid.js';
import { requiredText } from '../records/common.types.js';
import { RoleEnum } from '../workspaces/workspace.types.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import { createApiKey, revokeApiKey, rotateApiKey } from './api-keys.service.js';
import { permissionInWorkspace, permissionOnWorkspaceRow } from '../../auth/record-scopes.js';

const manageKeys = (ctx: Context, workspaceId?: string | null) => ({
  $all: { personal: true, ...permissionInWorkspace(ctx, 'apiKeys:manage', workspaceId) },
});

const manageKey = async (ctx: Context, globalId: string) => ({
  $all: {
    personal: true,
    ...(await permissionOnWorkspaceRow(
      ctx,
      () => ctx.prisma.apiKey.findFirst({ where: { id: idFromGlobalId(globalId, 'ApiKey'), revokedAt: null } }),
      'apiKeys:manage',
      'ApiKey',
    )),
  },
});

export const ApiKeyType = builder.prismaNode('ApiKey', {
  ...uuidNode,
  description: 'A workspace credential for integrations (`Authorization: Bearer <secret>`). Acts for its creator, capped at its role.',
  authScopes: (key) => ({ can: { workspaceId: key.workspaceId, permission: 'apiKeys:manage' } }),
  fields: (t) => ({
    name: t.exposeString('name'),
    role: t.expose('role', { type: RoleEnum }),
    prefix: t.exposeString('prefix', { description: 'The start of the secret, to tell keys apart. The full secret is shown once, at creation or rotation.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    lastUsedIp: t.exposeString('lastUsedIp', { nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdBy: t.relation('createdBy'),
  }),
});

interface IssuedKeyShape {
  apiKeyId: string;
  secret: string;
}

const IssuedApiKey = builder.objectRef<IssuedKeyShape>('IssuedApiKey').implement({
  description: 'A key with its secret. The secret is shown only here; Kith keeps a hash of it.',
  authScopes: { personal: true },
  fields: (t) => ({
    secret: t.exposeString('secret'),
    apiKey: t.prismaField({
      type: 'ApiKey',
      resolve: (query, issued, _args, ctx) => ctx.prisma.apiKey.findUniqueOrThrow({ ...query, where: { id: issued.apiKeyId } }),
    }),
  }),
});

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({
    name: t.string({ validate: requiredText('Key name', 100) }),
    role: t.field({ type: RoleEnum, description: 'ADMIN, MEMBER or VIEWER; at most your own role.' }),
    expiresAt: t.field({ type: 'DateTime', required: false }),
  }),
});

builder.queryField('apiKeys', (t) =>
  t.prismaConnection({
    type: 'ApiKey',
    cursor: 'id',
    description: 'The API keys of the workspace, newest first; revoked ones only when asked.',
    args: { workspaceId: t.arg.id({ required: false }), includeRevoked: t.arg.boolean({ required: false }) },
    authScopes: (_root, args, ctx) => manageKeys(ctx, args.workspaceId),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.apiKey.findMany({
        ...query,
        where: { workspaceId: requireWorkspaceId(ctx, args.workspaceId), ...(args.includeRevoked ? {} : { revokedAt: null }) },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
  }),
);

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: IssuedApiKey,
    args: { workspaceId: t.arg.id({ required: false }), input: t.arg({ type: CreateApiKeyInput }) },
    authScopes: (_root, args, ctx) => manageKeys(ctx, args.workspaceId),
    resolve: async (_root, args, ctx) => {
      const { apiKey, secret } = await createApiKey(ctx, requireWorkspaceId(ctx, args.workspaceId), { ...args.input, name: args.input.name.trim() });
      return { apiKeyId: apiKey.id, secret };
    },
  }),
  rotateApiKey: t.field({
    type: IssuedApiKey,
    description: 'Issues a new secret for the key; the old one stops working at once.',
    args: { id: t.arg.id() },
    authScopes: (_root, args, ctx) => manageKey(ctx, args.id),
    resolve: async (_root, args, ctx) => {
      const { apiKey, secret } = await rotateApiKey(ctx, idFromGlobalId(args.id, 'ApiKey'));
      return { apiKeyId: apiKey.id, secret };
    },
  }),
  revokeApiKey: t.prismaField({
    type: 'ApiKey',
    description: 'Revokes the key at once, including live subscriptions that use it.',
    args: { id: t.arg.id() },
    authScopes: (_root, args, ctx) => manageKey(ctx, args.id),
    resolve: async (query, _root, args, ctx) => selectedRow(ctx, 'apiKey', query, await revokeApiKey(ctx, idFromGlobalId(args.id, 'ApiKey'))),
  }),
}));
