// A comment belongs to exactly one note, activity or deal, and is visible exactly when that target is:
// live, and not hidden from the viewer by its own visibility or by the records it links to.
import type { Permission } from '../../auth/permissions.js';
import { delegateOf } from '../../db/delegate.js';
import type { Context } from '../../context.js';
import { badInput, notFound } from '../../errors.js';
import { entryForGlobalId } from '../node/uuid.js';
import { recordAccess } from '../../auth/record-access.js';
import { recordWhere } from '../../auth/record-where.js';

const TARGETS = {
  Note: { model: 'note', column: 'noteId' },
  Activity: { model: 'activity', column: 'activityId' },
  Deal: { model: 'deal', column: 'dealId' },
} as const;

export type TargetColumn = (typeof TARGETS)[keyof typeof TARGETS]['column'];

export interface CommentTarget {
  model: (typeof TARGETS)[keyof typeof TARGETS]['model'];
  column: TargetColumn;
  id: string;
}

/** A note's, activity's or deal's global ID; anything else reads as not found. */
export function decodeTarget(globalId: string): CommentTarget {
  const { entry, id } = entryForGlobalId(globalId, TARGETS);
  return { ...entry, id };
}

/** The one target named by noteId, activityId or dealId; two or none is a BAD_USER_INPUT. */
export function targetFromInput(input: { noteId?: string | null; activityId?: string | null; dealId?: string | null }): CommentTarget {
  const named = [input.noteId, input.activityId, input.dealId].filter((id): id is string => Boolean(id));
  if (named.length !== 1) throw badInput('A comment goes on exactly one note, activity or deal: give one of noteId, activityId, dealId.', 'input');
  const target = decodeTarget(named[0]!);
  const expected = input.noteId ? 'noteId' : input.activityId ? 'activityId' : 'dealId';
  if (target.column !== expected) throw badInput(`${expected} must be the ID of a ${expected.slice(0, -2)}.`, `input.${expected}`);
  return target;
}

type Finder = (args: { where: object; select: { workspaceId: true } }) => Promise<{ workspaceId: string } | null>;

/** The target's workspace when it is live and visible; NOT_FOUND otherwise. Once per request and target. */
export function visibleTarget(context: Context, target: CommentTarget): Promise<{ workspaceId: string }> {
  return context.memo(`commentTarget:${target.model}:${target.id}`, async () => {
    const delegate = delegateOf<{ findUnique: Finder; findFirst: Finder }>(context.prisma, target.model);
    const row = await delegate.findUnique({ where: { id: target.id }, select: { workspaceId: true } });
    if (!row || (await context.roleIn(row.workspaceId)) == null) throw notFound('Record');
    const access = await recordAccess(context, row.workspaceId);
    const visible = await delegate.findFirst({
      where: { AND: [{ id: target.id, deletedAt: null }, recordWhere(target.model, access)] },
      select: { workspaceId: true },
    });
    if (!visible) throw notFound('Record');
    return visible;
  });
}

/** Auth scopes for a root field on a target's comments: UNAUTHENTICATED, NOT_FOUND, then the role's permission. */
export async function permissionOnCommentTarget(context: Context, target: () => CommentTarget, permission: Permission) {
  if (!context.viewer) return { authenticated: true } as const;
  const { workspaceId } = await visibleTarget(context, target());
  return { can: { workspaceId, permission } };
}
