// Who sees a file: whoever sees the live record it is attached to. Contacts, companies, deals and
// communications have their own visibility; notes and activities inherit it from every record they link.
import DataLoader from 'dataloader';
import { delegateOf } from '../../db/delegate.js';
import { roleCan, type Permission } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { notFound } from '../../errors.js';
import { entryForGlobalId } from '../node/uuid.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { recordAccess } from '../../auth/record-access.js';
import type { RecordAccess } from '../../auth/record-rules.js';
import { recordWhere } from '../../auth/record-where.js';

export const ATTACHABLE = {
  Contact: 'contact',
  Company: 'company',
  Deal: 'deal',
  Note: 'note',
  Activity: 'activity',
  Communication: 'communication',
} as const;

export type AttachableModel = (typeof ATTACHABLE)[keyof typeof ATTACHABLE];

/** The File column that points at each kind of record. */
export const LINK_COLUMN = {
  contact: 'contactId',
  company: 'companyId',
  deal: 'dealId',
  note: 'noteId',
  activity: 'activityId',
  communication: 'communicationId',
} as const satisfies Record<AttachableModel, keyof Prisma.FileUncheckedCreateInput>;

export interface AttachTarget {
  model: AttachableModel;
  id: string;
  workspaceId: string;
}

function decodeTarget(globalId: string): { model: AttachableModel; id: string } {
  const { entry, id } = entryForGlobalId<AttachableModel>(globalId, ATTACHABLE);
  return { model: entry, id };
}

/** Live records of a model that the viewer sees. Private email bodies keep their attachments private too. */
function liveVisibleWhere(model: AttachableModel, access: RecordAccess): object {
  const live = [{ deletedAt: null }, recordWhere(model, access)];
  if (model !== 'communication' || roleCan(access.role, 'records:readAll')) return { AND: live };
  return { AND: [...live, { OR: [{ bodyPrivate: false }, { ownerId: access.userId }] }] };
}

/** Files the viewer may list and download in one workspace. */
export function fileVisibleWhere(access: RecordAccess): Prisma.FileWhereInput {
  return {
    workspaceId: access.workspaceId,
    deletedAt: null,
    OR: (Object.keys(LINK_COLUMN) as AttachableModel[]).map((model) => ({ [model]: liveVisibleWhere(model, access) })),
  };
}

type Finder = (args: { where: object; select: { workspaceId: true } }) => Promise<{ workspaceId: string } | null>;

/**
 * The live record behind attachTo/recordId when the viewer may see it; NOT_FOUND otherwise, whether it is
 * missing, in the trash, private, or in a workspace the viewer is not in. Once per request and ID.
 */
export function visibleTarget(context: Context, globalId: string): Promise<AttachTarget> {
  return context.memo(`attachTarget:${globalId}`, () => findVisibleTarget(context, globalId));
}

async function findVisibleTarget(context: Context, globalId: string): Promise<AttachTarget> {
  const { model, id } = decodeTarget(globalId);
  const delegate = delegateOf<{ findUnique: Finder; findFirst: Finder }>(context.prisma, model);
  const record = await delegate.findUnique({ where: { id }, select: { workspaceId: true } });
  if (!record || (await context.roleIn(record.workspaceId)) == null) throw notFound('Record');
  const access = await recordAccess(context, record.workspaceId);
  const visible = await delegate.findFirst({ where: { id, ...liveVisibleWhere(model, access) }, select: { workspaceId: true } });
  if (!visible) throw notFound('Record');
  return { model, id, workspaceId: record.workspaceId };
}

/** Auth scopes for a root field on a record's files: UNAUTHENTICATED, NOT_FOUND, then the role's permission. */
export async function permissionOnAttachTarget(context: Context, globalId: string, permission: Permission) {
  if (!context.viewer) return { authenticated: true } as const;
  const target = await visibleTarget(context, globalId);
  return { can: { workspaceId: target.workspaceId, permission } };
}

/** Batches "can the viewer see these files?" into one query per workspace and request. */
export function canSeeFile(context: Context, file: { id: string; workspaceId: string }): Promise<boolean> {
  if (!context.viewer) return Promise.resolve(false);
  const loader = context.memo(
    `seesFile:${file.workspaceId}`,
    () =>
      new DataLoader<string, boolean>(async (ids) => {
        if ((await context.roleIn(file.workspaceId)) == null) return ids.map(() => false);
        const access = await recordAccess(context, file.workspaceId);
        const rows = await context.prisma.file.findMany({
          where: { id: { in: [...ids] }, ...fileVisibleWhere(access) },
          select: { id: true },
        });
        const visible = new Set(rows.map((r) => r.id));
        return ids.map((id) => visible.has(id));
      }),
  );
  return loader.load(file.id);
}
