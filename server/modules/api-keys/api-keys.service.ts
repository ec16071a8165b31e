import { canAssignRole } from '../../auth/permissions.js';
import { generateSecretToken, hashToken } from '../../auth/tokens.js';
import type { ApiKeyPrincipal, Context } from '../../context.js';
import { badInput, forbidden, notFound } from '../../errors.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Role } from '../../generated/prisma/enums.js';
import { requireViewer } from '../accounts/session.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { emitEvent } from '../activity-events/record-event.js';

const SECRET_PREFIX = 'kith_';
/** How much of the secret lists show: enough to tell keys apart, far too little to guess the rest. */
const VISIBLE_CHARS = SECRET_PREFIX.length + 6;
/** Last-used time and IP are written at most this often per key, not on every request. */
const LAST_USED_EVERY_MS = 60_000;

export function looksLikeApiKey(secret: string): boolean {
  return secret.startsWith(SECRET_PREFIX) && secret.length > VISIBLE_CHARS;
}

function newSecret() {
  const secret = `${SECRET_PREFIX}${generateSecretToken()}`;
  return { secret, prefix: secret.slice(0, VISIBLE_CHARS) };
}

export interface ApiKeyInput {
  name: string;
  role: Role;
  expiresAt?: Date | null;
}

/** The role the acting person holds in the workspace; keys are managed by people, not by other keys. */
async function managerRole(context: Context, workspaceId: string): Promise<Role> {
  const viewer = requireViewer(context);
  if (viewer.apiKey) throw forbidden('API keys cannot manage API keys; sign in as a person.');
  const role = await context.roleIn(workspaceId);
  if (!role) throw notFound('Workspace');
  return role;
}

export async function createApiKey(context: Context, workspaceId: string, input: ApiKeyInput) {
  const actor = await managerRole(context, workspaceId);
  if (input.role === 'OWNER') throw badInput('An API key can be ADMIN, MEMBER or VIEWER, never OWNER.', 'role');
  if (!canAssignRole(actor, input.role)) throw forbidden(`Your role (${actor}) cannot create a key with the ${input.role} role.`);
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw badInput('The expiry must be in the future.', 'expiresAt');
  const { secret, prefix } = newSecret();
  const secretHash = hashToken(secret);
  const apiKey = await context.prisma.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        workspaceId,
        name: input.name,
        role: input.role,
        prefix,
        secretHash,
        createdById: requireViewer(context).user.id,
        expiresAt: input.expiresAt ?? null,
      },
    });
    await recordAudit(tx, context, {
      workspaceId,
      action: 'api_key.created',
      targetType: 'ApiKey',
      targetId: created.id,
      details: { role: input.role, prefix },
    });
    await emitEvent(tx, context, created, 'ApiKey', 'created', { role: input.role, prefix });
    return created;
  });
  return { apiKey, secret };
}

async function liveKeyOrThrow(context: Context, id: string) {
  const apiKey = await context.prisma.apiKey.findUnique({ where: { id } });
  if (!apiKey || apiKey.revokedAt || (await context.roleIn(apiKey.workspaceId)) == null) throw notFound('ApiKey');
  return apiKey;
}

export async function revokeApiKey(context: Context, id: string) {
  const apiKey = await liveKeyOrThrow(context, id);
  await managerRole(context, apiKey.workspaceId);
  return context.prisma.$transaction(async (tx) => {
    await recordAudit(tx, context, {
      workspaceId: apiKey.workspaceId,
      action: 'api_key.revoked',
      targetType: 'ApiKey',
      targetId: id,
      details: { prefix: apiKey.prefix },
    });
    return tx.apiKey
      .update({ where: { id }, data: { revokedAt: new Date() } })
      .then((row) => emitEvent(tx, context, row, 'ApiKey', 'revoked', { prefix: row.prefix }));
  });
}

/** A new secret for the same key (name, role, expiry); the old secret stops working at once. */
export async function rotateApiKey(context: Context, id: string) {
  const current = await liveKeyOrThrow(context, id);
  const actor = await managerRole(context, current.workspaceId);
  if (!canAssignRole(actor, current.role)) throw forbidden(`Your role (${actor}) cannot rotate a key with the ${current.role} role.`);
  const { secret, prefix } = newSecret();
  const secretHash = hashToken(secret);
  const apiKey = await context.prisma.$transaction(async (tx) => {
    await recordAudit(tx, context, { workspaceId: current.workspaceId, action: 'api_key.rotated', targetType: 'ApiKey', targetId: id, details: { prefix } });
    return tx.apiKey
      .update({ where: { id }, data: { prefix, secretHash, lastUsedAt: null, lastUsedIp: null } })
      .then((row) => emitEvent(tx, context, row, 'ApiKey', 'rotated', { prefix }));
  });
  return { apiKey, secret };
}

export interface AuthenticatedKey {
  principal: ApiKeyPrincipal;
  userId: string;
}

/** The live key behind a bearer secret, or null; records when and from where it was last used. */
export async function authenticateApiKey(prisma: PrismaClient, secret: string, ip: string): Promise<AuthenticatedKey | null> {
  if (!looksLikeApiKey(secret)) return null;
  const now = new Date();
  const key = await prisma.apiKey.findUnique({
    where: { secretHash: hashToken(secret) },
    select: {
      id: true,
      workspaceId: true,
      role: true,
      createdById: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      workspace: { select: { closedAt: true } },
    },
  });
  // Closing a workspace revokes its keys; a key that escaped that is refused all the same.
  if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= now) || key.workspace.closedAt) return null;
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now, lastUsedIp: ip } });
  }
  return { principal: { id: key.id, workspaceId: key.workspaceId, role: key.role }, userId: key.createdById };
}

/** Whether a key still works (subscriptions re-check this while they run). */
export async function apiKeyIsLive(prisma: PrismaClient, id: string): Promise<boolean> {
  const key = await prisma.apiKey.findUnique({ where: { id }, select: { revokedAt: true, expiresAt: true } });
  return !!key && !key.revokedAt && (!key.expiresAt || key.expiresAt > new Date());
}
