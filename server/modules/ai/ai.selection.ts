// What the user selected, read with their own visibility: the record (contact, company or deal) and the
// timeline items they ticked. Anything they may not see, or that is not on that record's timeline, reads
// as missing. Nothing else is read: these rows are all the model will receive.
import type { Context } from '../../context.js';
import { delegateOf } from '../../db/delegate.js';
import { badInput, notFound } from '../../errors.js';
import { mayReadBody } from '../communications/body-privacy.js';
import { entryForGlobalId } from '../node/uuid.js';
import { SOURCES, type TimelineKind, type TimelineOwner } from '../timeline/timeline.sources.js';
import { recordAccess } from '../../auth/record-access.js';
import { visibleWhere } from '../../auth/record-where.js';

export const MAX_SELECTED_ITEMS = 50;

export interface SelectedRecord {
  owner: TimelineOwner;
  typename: 'Contact' | 'Company' | 'Deal';
  id: string;
  workspaceId: string;
  name: string;
}

/** One selected item as the model sees it: its kind, date and the text the viewer can read. */
export interface SelectedItem {
  kind: 'Note' | 'Activity' | 'Communication';
  id: string;
  at: Date;
  /** The row, for the answer (items drawn on). */
  row: Record<string, unknown> & { id: string };
  fields: Record<string, string | boolean | null>;
}

const OWNERS = { Contact: 'contact', Company: 'company', Deal: 'deal' } as const;

type Finder = { findFirst: (args: object) => Promise<Record<string, unknown> | null> };

/** Where the record lives, without visibility: the auth scope decides membership and permission from it. Once per request. */
export function recordWorkspace(ctx: Context, recordId: string, allowed: ReadonlyArray<keyof typeof OWNERS> = ['Contact', 'Company', 'Deal']) {
  const { entry: owner, id } = entryForGlobalId(recordId, pick(allowed), 'Record');
  return ctx.memo(`aiRecordWorkspace:${owner}:${id}`, async () => {
    const delegate = delegateOf<Finder>(ctx.prisma, owner);
    return (await delegate.findFirst({ where: { id }, select: { workspaceId: true } })) as { workspaceId: string } | null;
  });
}

const pick = (allowed: ReadonlyArray<keyof typeof OWNERS>) => Object.fromEntries(allowed.map((t) => [t, OWNERS[t]])) as Record<string, TimelineOwner>;

export async function loadRecord(
  ctx: Context,
  recordId: string,
  allowed: ReadonlyArray<keyof typeof OWNERS> = ['Contact', 'Company', 'Deal'],
): Promise<SelectedRecord> {
  const { entry: owner, id } = entryForGlobalId(recordId, pick(allowed), 'Record');
  const typename = (Object.keys(OWNERS) as Array<keyof typeof OWNERS>).find((t) => OWNERS[t] === owner)!;
  const located = await recordWorkspace(ctx, recordId, allowed);
  if (!located) throw notFound('Record');
  const access = await recordAccess(ctx, located.workspaceId);
  const delegate = delegateOf<Finder>(ctx.prisma, owner);
  const row = await delegate.findFirst({ where: { id, deletedAt: null, ...visibleWhere(access) } });
  if (!row) throw notFound('Record');
  const name = owner === 'contact' ? [row.firstName, row.lastName].filter(Boolean).join(' ') : String(row.name);
  return { owner, typename, id, workspaceId: located.workspaceId, name };
}

const ITEM_KINDS = { Note: 'Note', Activity: 'Activity', Communication: 'Communication' } as const;

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment -- rows of three models read through one delegate */
function fieldsOf(kind: SelectedItem['kind'], row: Record<string, any>, bodyReadable: boolean): SelectedItem['fields'] {
  switch (kind) {
    case 'Note':
      return { text: row.body };
    case 'Activity':
      return { type: row.type, subject: row.subject, text: row.body ?? null, due: row.dueAt ? (row.dueAt as Date).toISOString() : null, done: row.done };
    case 'Communication':
      // Addresses stay out: an email or phone reaches the model only inside text the user selected.
      return {
        channel: row.kind,
        direction: row.direction,
        subject: row.subject ?? null,
        text: bodyReadable ? (row.body ?? null) : null,
        outcome: row.outcome ?? null,
      };
  }
}

/** The selected timeline items of the record, oldest first; a missing, hidden or unrelated one is NOT_FOUND. */
export async function loadItems(
  ctx: Context,
  record: SelectedRecord,
  itemIds: readonly string[],
  kinds: ReadonlyArray<SelectedItem['kind']> = ['Note', 'Activity', 'Communication'],
): Promise<SelectedItem[]> {
  if (itemIds.length === 0) throw badInput('Select at least one item.', 'itemIds');
  if (itemIds.length > MAX_SELECTED_ITEMS) throw badInput(`Select at most ${MAX_SELECTED_ITEMS} items.`, 'itemIds');
  const allowed = Object.fromEntries(kinds.map((k) => [k, ITEM_KINDS[k]]));
  const wanted = new Map<TimelineKind, Set<string>>();
  for (const gid of itemIds) {
    const { entry, id } = entryForGlobalId(gid, allowed, 'Item');
    if (!wanted.has(entry)) wanted.set(entry, new Set());
    wanted.get(entry)!.add(id);
  }
  const access = await recordAccess(ctx, record.workspaceId);
  const items: SelectedItem[] = [];
  for (const [kind, ids] of wanted) {
    const source = SOURCES.find((s) => s.kind === kind)!;
    const delegate = delegateOf<{ findMany: (args: object) => Promise<Array<Record<string, any> & { id: string }>> }>(ctx.prisma, source.model);
    const rows = await delegate.findMany({ where: { AND: [source.where(record.owner, record.id, access), { id: { in: [...ids] } }] } });
    if (rows.length !== ids.size) throw notFound('Item');
    for (const row of rows) {
      const readable = kind !== 'Communication' || mayReadBody(access, row as unknown as { workspaceId: string; ownerId: string | null; bodyPrivate: boolean });
      items.push({
        kind: kind as SelectedItem['kind'],
        id: row.id,
        at: row[source.time] as Date,
        row,
        fields: fieldsOf(kind as SelectedItem['kind'], row, readable),
      });
    }
  }
  return items.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : 1));
}
/* eslint-enable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment */
