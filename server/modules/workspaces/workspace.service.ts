import { z } from 'zod';
import type { Context } from '../../context.js';
import { badInput, notFound } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { createDefaultPipeline } from '../pipelines/pipeline.service.js';

type Tx = Prisma.TransactionClient;

export const MAX_WORKSPACE_NAME = 80;

export const workspaceNameInput = z
  .string()
  .max(MAX_WORKSPACE_NAME * 2, `Workspace names have at most ${MAX_WORKSPACE_NAME} characters.`)
  .refine((value) => value.trim().length > 0, 'A workspace name is required.')
  .refine((value) => value.trim().length <= MAX_WORKSPACE_NAME, `Workspace names have at most ${MAX_WORKSPACE_NAME} characters.`);

/** `defaultPhoneCountry`: given, or guessed from the creator's locale (null when it names no country). */
export async function createWorkspaceWithOwner(tx: Tx, name: string, ownerId: string, defaultPhoneCountry: string | null = null) {
  const workspace = await tx.workspace.create({
    data: { name: name.trim(), defaultPhoneCountry: defaultPhoneCountry?.toUpperCase() ?? null, memberships: { create: { userId: ownerId, role: 'OWNER' } } },
  });
  await createDefaultPipeline(tx, workspace.id);
  return workspace;
}

/** The workspace a request acts on; scope rules have already checked the viewer belongs to it. */
export function requireWorkspaceId(context: Context, explicit?: string | null): string {
  const workspaceId = context.workspaceIdFrom(explicit);
  if (!workspaceId) throw badInput('Choose a workspace: pass workspaceId or the x-workspace-id header.', 'workspaceId');
  return workspaceId;
}

/** Refuses a change that would leave the workspace without an owner. Call inside the changing transaction. */
export async function assertOwnerRemains(tx: Tx, workspaceId: string, losingOwnerMembershipId: string) {
  const otherOwners = await tx.membership.count({
    where: { workspaceId, role: 'OWNER', id: { not: losingOwnerMembershipId } },
  });
  if (otherOwners === 0) {
    throw badInput('A workspace needs at least one owner. Make someone else an owner first.');
  }
}

export async function findMembershipOrThrow(tx: Tx, membershipId: string) {
  const membership = await tx.membership.findUnique({ where: { id: membershipId } });
  if (!membership) throw notFound('Member');
  return membership;
}
