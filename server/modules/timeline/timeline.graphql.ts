import { getRefFromModel } from '@pothos/plugin-prisma';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { badInput } from '../../errors.js';
import { ownCursors } from '../../http/input-checks.js';
import { ActivityType } from '../activities/activity.types.js';
import { CommentType } from '../comments/comment.types.js';
import { CommunicationType } from '../communications/communication.types.js';
import { AttachmentType } from '../files/attachment.types.js';
import { NoteType } from '../notes/note.types.js';
import { CustomFieldsChangedType } from './custom-fields-changed.js';
import { readSource, SOURCES, type Cursor, type TimelineItem, type TimelineOwner } from './timeline.sources.js';
import { recordAccess } from '../../auth/record-access.js';

const MAX_PAGE = 100;

export const TimelineItemUnion = builder.unionType('TimelineItem', {
  description: 'One entry of a record’s history: an activity, note, comment, communication, file, deal stage change or change of custom values.',
  types: [
    ActivityType,
    NoteType,
    CommentType,
    CommunicationType,
    AttachmentType,
    getRefFromModel('DealStageChange', builder) as typeof NoteType,
    CustomFieldsChangedType as unknown as typeof NoteType,
  ],
  resolveType: (item) => (item as unknown as { __timelineKind: string }).__timelineKind,
});

const encodeCursor = (item: Pick<TimelineItem, 'at' | 'id'>) => Buffer.from(JSON.stringify([item.at.toISOString(), item.id])).toString('base64url');

function decodeCursor(value: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(value, 'base64url').toString()) as [string, string];
    const date = new Date(at);
    if (typeof id === 'string' && !Number.isNaN(date.getTime())) return { at: date, id };
  } catch {
    // fall through
  }
  throw badInput('That cursor is not a timeline cursor.', 'after');
}

/** Merges the newest items of every source, newest first; one query per source whatever the page. */
async function timelinePage(context: Context, owner: TimelineOwner, record: { id: string; workspaceId: string }, first: number, after?: string | null) {
  const access = await recordAccess(context, record.workspaceId);
  const before = after ? decodeCursor(after) : undefined;
  const batches = await Promise.all(SOURCES.map((source) => readSource(context, source, owner, record.id, access, first + 1, before)));
  const merged = batches.flat().sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const page = merged.slice(0, first);
  return {
    edges: page.map((item) => ({ cursor: encodeCursor(item), node: Object.assign(item.row, { __timelineKind: item.kind }) })),
    pageInfo: {
      hasNextPage: merged.length > first,
      hasPreviousPage: before != null,
      startCursor: page[0] ? encodeCursor(page[0]) : null,
      endCursor: page.at(-1) ? encodeCursor(page.at(-1)!) : null,
    },
  };
}

for (const [model, owner] of [
  ['Contact', 'contact'],
  ['Company', 'company'],
  ['Deal', 'deal'],
] as const) {
  builder.prismaObjectField(model, 'timeline', (t) =>
    t.connection(
      {
        type: TimelineItemUnion,
        ...ownCursors,
        description: 'Everything that happened around this record, newest first.',
        authScopes: (record: { workspaceId: string }) => ({ can: { workspaceId: record.workspaceId, permission: 'records:read' } }),
        resolve: (record, args, ctx) => {
          if (args.last != null || args.before != null) throw badInput('The timeline pages forward only: use first and after.', 'last');
          const first = args.first ?? 20;
          if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput(`first is between 1 and ${MAX_PAGE}.`, 'first');
          return timelinePage(ctx, owner, record, first, args.after) as never;
        },
      },
      { name: `${model}TimelineConnection` },
      { name: `${model}TimelineEdge` },
    ),
  );
}
