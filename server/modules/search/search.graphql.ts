import { queryFromInfo } from '@pothos/plugin-prisma';
import { inWorkspace } from '../../auth/field-scopes.js';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { builder } from '../../builder.js';
import { badInput } from '../../errors.js';
import { offsetCursors } from '../../http/input-checks.js';
import { SearchEntityType } from '../../generated/prisma/enums.js';
import { ActivityType } from '../activities/activity.types.js';
import { CommentType } from '../comments/comment.types.js';
import { CommunicationType } from '../communications/communication.types.js';
import { CompanyType } from '../companies/company.types.js';
import { ContactType } from '../contacts/contact.types.js';
import { DealType } from '../deals/deal.types.js';
import { AttachmentType } from '../files/attachment.types.js';
import { FormType } from '../forms/form.types.js';
import { NoteType } from '../notes/note.types.js';
import { requireWorkspaceId } from '../workspaces/workspace.service.js';
import { COUNT_CAP, SHORT_QUERY } from './search.sql.js';
import { loadRecord, search, SEARCH_TYPES, type SearchHit, type SearchPage } from './search.service.js';
import { recordAccess } from '../../auth/record-access.js';

const MAX_PAGE = 50;

const SearchEntityTypeEnum = builder.enumType(SearchEntityType, { name: 'SearchEntityType', description: 'A kind of record that search finds.' });

const SearchFieldEnum = builder.enumType('SearchField', {
  description: 'What matched: the title (name, subject, first line), the details (job title, addresses...), the body, or an exact key.',
  values: ['TITLE', 'DETAILS', 'BODY', 'EMAIL', 'PHONE', 'DOMAIN', 'PROFILE'] as const,
});

const TYPENAMES: Record<SearchEntityType, string> = {
  CONTACT: 'Contact',
  COMPANY: 'Company',
  DEAL: 'Deal',
  NOTE: 'Note',
  ACTIVITY: 'Activity',
  COMMUNICATION: 'Communication',
  COMMENT: 'Comment',
  FILE: 'Attachment',
  FORM: 'Form',
};

const SearchRecord = builder.unionType('SearchRecord', {
  description: 'The record a search result points at, as its own type (with that type’s access rules).',
  types: [ContactType, CompanyType, DealType, NoteType, ActivityType, CommunicationType, CommentType, AttachmentType, FormType] as never,
  resolveType: (record) => (record as { __searchType: string }).__searchType,
});

const SearchResult = builder.objectRef<SearchHit>('SearchResult').implement({
  description: 'One match of a global search.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    type: t.field({ type: SearchEntityTypeEnum, resolve: (hit) => hit.type }),
    title: t.exposeString('title', { description: 'Plain text: a name, subject, file name, or the first line of a note or comment.' }),
    snippet: t.exposeString('snippet', {
      description: 'HTML: the matching text with every other character escaped and matched words wrapped in <mark>…</mark>; safe to insert as HTML.',
    }),
    matchedField: t.field({ type: SearchFieldEnum, resolve: (hit) => hit.matchedField }),
    score: t.exposeFloat('score', { description: 'Relevance; results come highest first.' }),
    record: t.field({
      type: SearchRecord,
      nullable: true,
      description: 'Null only if the record changed between the search and this read.',
      resolve: async (hit, _args, ctx, info) => {
        const record = await loadRecord(ctx, hit, queryFromInfo({ context: ctx, info, typeName: TYPENAMES[hit.type] }));
        return (record ? Object.assign(record, { __searchType: TYPENAMES[hit.type] }) : null) as never;
      },
    }),
  }),
});

const SearchTypeCount = builder.objectRef<{ type: SearchEntityType; count: number }>('SearchTypeCount').implement({
  authScopes: { authenticated: true },
  fields: (t) => ({
    type: t.field({ type: SearchEntityTypeEnum, resolve: (c) => c.type }),
    count: t.exposeInt('count', { description: 'Matches you can see; a lower bound when the connection says `countsCapped`.' }),
  }),
});

type SearchConnectionShape = { page: SearchPage; types: SearchEntityType[] };

builder.queryFields((t) => ({
  search: t.connection(
    {
      type: SearchResult,
      ...offsetCursors,
      description:
        'Finds records of one workspace by name, prefix ("jo smi"), one typo ("jhon"), other spellings (accents ignored; König as koenig, O\'Brien as obrien, ISO 27001 as iso27001), email or its start ("john.smith@"), email domain ("@acme"), phone in any format or its last four digits, domain, profile URL or words of notes. Ordered by the kind of match (exact key, whole words of the name, of its details, prefixes, typos, body), then closeness, then the most recently changed. Only records you can see, never the trash.',
      args: {
        query: t.arg.string({ description: 'At most 200 characters.' }),
        types: t.arg({ type: [SearchEntityTypeEnum], required: false, description: 'Only these kinds (default: all). Counts always cover all kinds.' }),
        workspaceId: t.arg.id({ required: false }),
      },
      authScopes: inWorkspace('records:read'),
      resolve: async (_root, args, ctx) => {
        if (args.last != null || args.before != null) throw badInput('Search pages forward only: use first and after.', 'last');
        const query = args.query.trim();
        if (query.length === 0 || query.length > 200) throw badInput('The query is between 1 and 200 characters.', 'query');
        const access = await recordAccess(ctx, requireWorkspaceId(ctx, args.workspaceId));
        const types = args.types?.length ? [...new Set(args.types)] : [...SEARCH_TYPES];
        let page: SearchPage = { hits: [], counts: {} as SearchPage['counts'], capped: false };
        const connection = await resolveOffsetConnection({ args, defaultSize: 20, maxSize: MAX_PAGE }, async ({ limit, offset }) => {
          page = await search(ctx, access, { query, types, limit, offset });
          return page.hits;
        });
        return Object.assign(connection, { page, types } satisfies SearchConnectionShape);
      },
    },
    {
      name: 'SearchConnection',
      fields: (c) => ({
        totalCount: c.int({
          description: 'Matches of the requested types that you can see; a lower bound when `countsCapped`.',
          resolve: (conn) => {
            const { page, types } = conn as unknown as SearchConnectionShape;
            return types.reduce((sum, type) => sum + (page.counts[type] ?? 0), 0);
          },
        }),
        countsByType: c.field({
          type: [SearchTypeCount],
          description: 'Matches you can see per kind of record, whatever `types` asked for.',
          resolve: (conn) => {
            const { page } = conn as unknown as SearchConnectionShape;
            return SEARCH_TYPES.map((type) => ({ type, count: page.counts[type] ?? 0 }));
          },
        }),
        countsCapped: c.boolean({
          description: `True when counting stopped after the first ${COUNT_CAP} matching records (${SHORT_QUERY.countCap} for a query of ${SHORT_QUERY.maxLength} characters or fewer): \`totalCount\` and \`countsByType\` are then lower bounds ("${COUNT_CAP}+"). Results are still ranked by relevance.`,
          resolve: (conn) => (conn as unknown as SearchConnectionShape).page.capped,
        }),
      }),
    },
    { name: 'SearchEdge' },
  ),
}));
