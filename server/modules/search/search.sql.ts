// The ranked search statement, written once for the API and the bench. Visibility is the record rules'
// SQL form (auth/record-sql.ts), so that the page, its order and the counts per type only ever see what
// the viewer may see.
// `OFFSET 0` in the correlated EXISTS keeps PostgreSQL from turning them into hashed subplans, which
// read every company, deal and communication of the workspace to check a handful of matches (a
// `LIMIT 1` does not: the planner drops it from an EXISTS and hashes anyway).
import { roleCan } from '../../auth/permissions.js';
import type { SearchEntityType } from '../../generated/prisma/enums.js';
import { RECORD_MODELS, type RecordAccess, type RecordModel, type VisibleModel } from '../../auth/record-rules.js';
import { liveSql, ownSql, recordSql, type ViewerParams } from '../../auth/record-sql.js';

export interface SearchSqlInput {
  access: RecordAccess;
  query: string;
  /** Exact-match keys derived from the query (see query-keys.ts). */
  keys: string[];
  types: SearchEntityType[];
  limit: number;
  offset: number;
}

export interface SearchRow {
  id: string | null;
  entityType: SearchEntityType | null;
  score: number | null;
  title: string | null;
  details: string | null;
  body: string | null;
  keys: string[] | null;
  counts: Record<string, number | string> | null;
  /** The count stopped at COUNT_CAP matching documents. */
  capped: boolean | null;
}

/** The statement's viewer parameters (pushed for members only, see searchSql). */
const VIEWER: ViewerParams = { userId: '$7::uuid', teamIds: '$8::uuid[]' };

/** Who may see a document of one kind (auth/record-rules.ts); `d` is the SearchDocument. */
function visibleAs(access: RecordAccess, type: SearchEntityType): string {
  const all = roleCan(access.role, 'records:readAll');
  const privateBody = (m: string) => (all ? 'TRUE' : `(${m}."bodyPrivate" = FALSE OR ${m}."ownerId" = ${VIEWER.userId})`);
  // The document carries these kinds' visibility and owner (kith_search_refresh copies them from the record).
  const ownedType = (model: VisibleModel) => ownSql(access, 'd', RECORD_MODELS[model].shareColumn, VIEWER);
  const row = (model: RecordModel) =>
    `EXISTS (SELECT 1 FROM "${RECORD_MODELS[model].table}" x WHERE x.id = d.id AND ${recordSql(model, access, 'x', VIEWER)} OFFSET 0)`;
  switch (type) {
    case 'CONTACT':
      return ownedType('contact');
    case 'COMPANY':
      return ownedType('company');
    case 'DEAL':
      return ownedType('deal');
    case 'COMMUNICATION':
      return ownedType('communication');
    case 'NOTE':
      return all ? 'TRUE' : row('note');
    case 'ACTIVITY':
      return all ? 'TRUE' : row('activity');
    case 'COMMENT':
      return row('comment');
    case 'FILE': {
      const live = (model: RecordModel, column: string) => liveSql(model, access, 'x', column, VIEWER, model === 'communication' ? privateBody : undefined);
      const targets = (['contact', 'company', 'deal', 'note', 'activity', 'communication'] as const).map((model) => live(model, `${model}Id`));
      return `EXISTS (SELECT 1 FROM "File" x WHERE x.id = d.id AND (${targets.join(' OR ')}) OFFSET 0)`;
    }
    case 'FORM':
      return 'TRUE';
  }
}

const ALL_TYPES: SearchEntityType[] = ['CONTACT', 'COMPANY', 'DEAL', 'NOTE', 'ACTIVITY', 'COMMUNICATION', 'COMMENT', 'FILE', 'FORM'];

/** Who may see what, whatever the kind of document. */
function visibilitySql(access: RecordAccess): string {
  return `CASE d."entityType"\n${ALL_TYPES.map((type) => `    WHEN '${type}' THEN ${visibleAs(access, type)}`).join('\n')}\n    ELSE TRUE END`;
}

/**
 * What kind of match a result is decides its place; within a kind, closeness (trigram similarity of the title,
 * ts_rank_cd) orders them, each adding less than 1. Every query word must match for a document to be found at
 * all, so these tiers only order complete matches. Whole words: between spaces in the title or details (a
 * hyphenated compound is one word: "weber" is not whole in Weber-Schulz), apostrophes dropped, each word in
 * either spelling (schröder is whole in "Martin Schroeder"; kith_query_word_forms).
 */
const RANK_TIERS = {
  /** An exact email, phone, domain or profile URL. */
  key: 70,
  /** All words whole in the title, in order, next to each other. */
  titlePhrase: 60,
  /** All words whole in the title. */
  titleWords: 50,
  /** All words whole in the title or the details (job title, headline, company, emails...). */
  detailWords: 40,
  /** All words whole or whole parts of hyphenated words (luc in Jean-Luc, weber in Weber-Schulz). */
  wordParts: 35,
  /** All words as prefixes of words of the title or details. */
  prefixes: 30,
  /** Found only through one-typo variants of the title; closer typos (more shared variants) first. */
  typos: 20,
  /** Found only in the body (notes, messages). */
  body: 10,
} as const;

/** Equal scores: the most recently changed first, then by kind (people before companies before deals...). */
const ORDER = 'r.score DESC, r."updatedAt" DESC, r."typeOrder", r.id';

/** What the visibility check reads of a document (see visibleAs). */
const TIER_COLUMNS = 'd.id, d."entityType", d.visibility, d."ownerId"';

/** Counts look at this many visible matching documents at most; past it they are lower bounds (`countsCapped`). */
export const COUNT_CAP = 1000;
/** Each candidate tier keeps at most this many documents (more when a page reaches further). */
export const TIER_SIZE = 150;
/**
 * A query of one or two characters (typed into the palette on the way to a word) prefixes a large part of
 * the workspace: it counts fewer documents, so that it answers about as fast as a word.
 */
export const SHORT_QUERY = { maxLength: 2, countCap: 200 } as const;
/** Typo variants join the match only when the words as typed find fewer visible documents than this. */
export const TYPOS_BELOW = 20;

/**
 * One statement, whose work is bounded by the page rather than by the number of matches:
 * - `seen`: the first COUNT_CAP visible documents matching the words (as prefixes, through the gram
 *   index) or a key; visibility is checked row by row until COUNT_CAP pass. When the words find fewer
 *   than TYPOS_BELOW, the words or their one-typo variants are matched instead (`typos`): typo lexemes
 *   cost far more to scan and only add noise ("joan" for "john") when the words already match;
 * - candidates come in tiers, each visible-only and capped: documents with an exact key (email, phone,
 *   domain, profile), documents whose title or details match the words (their own small index; skipped
 *   when typos are on), then the first visible matches of any field; only these few hundred are scored;
 * - counts per type are over `seen` and the candidates, so every result shown is counted; they are exact
 *   below COUNT_CAP matches and lower bounds (`capped`) above it.
 * The score is the kind of match (RANK_TIERS) plus its closeness. Visibility is applied to bounded sets (after a LIMIT), so PostgreSQL checks it row by
 * row with index probes instead of hashing whole tables. With no match at all it still returns one row,
 * carrying the (empty) counts.
 */
export function searchSql(input: SearchSqlInput): { text: string; values: unknown[] } {
  const { access } = input;
  const short = input.query.replace(/\s+/g, '').length <= SHORT_QUERY.maxLength;
  const countCap = short ? SHORT_QUERY.countCap : COUNT_CAP;
  const live = `d."workspaceId" = $1::uuid AND d."deletedAt" IS NULL`;
  const everyType = ALL_TYPES.every((type) => input.types.includes(type));
  // Folds to TRUE when every type is wanted: the planner would otherwise AND in a scan of the type index.
  const wanted = everyType ? '$4::text[] IS NOT NULL' : `d."entityType" = ANY($4::text[]::"SearchEntityType"[])`;
  const tier = `GREATEST(${TIER_SIZE}, $5::int + $6::int)`;
  const visible = visibilitySql(access);
  const matching = (query: string) => `(kith_grams(d.tsv) @@ ${query} OR d.keys && $3::text[])`;
  // Decided once, after `words`; PostgreSQL evaluates it as an init plan and skips the branch it rules out.
  const typos = `(SELECT t.needed FROM typos t)`;
  const chosenQuery = `CASE WHEN ${typos} THEN kith_match_query($2::text, TRUE) ELSE kith_match_query($2::text, FALSE) END`;
  // With every type wanted, the first visible matches are the counted ones; otherwise they are looked up again.
  // Typo lexemes come from titles only, so with typos on, these are the title matches the head tier would
  // find again (the same postings, read a second time): the tier is skipped and this one takes its share.
  const anyFieldSize = `${tier} * CASE WHEN ${typos} THEN 3 ELSE 1 END`;
  const anyField = everyType
    ? `SELECT d.id, d."entityType" FROM seen d LIMIT ${anyFieldSize}`
    : `SELECT d.id, d."entityType" FROM "SearchDocument" d WHERE ${live} AND ${matching(chosenQuery)} AND ${wanted} AND ${visible} LIMIT ${anyFieldSize}`;
  const text = `
WITH words AS MATERIALIZED (
  SELECT d.id, d."entityType" FROM "SearchDocument" d
  WHERE ${live} AND ${matching('kith_match_query($2::text, FALSE)')} AND ${visible} LIMIT ${countCap}
),
typos AS MATERIALIZED (SELECT (SELECT count(*) FROM words) < ${TYPOS_BELOW} AS needed),
seen AS MATERIALIZED (
  (SELECT w.id, w."entityType" FROM words w WHERE NOT ${typos})
  UNION ALL
  (SELECT d.id, d."entityType" FROM "SearchDocument" d
   WHERE ${typos} AND ${live} AND ${matching('kith_match_query($2::text, TRUE)')} AND ${visible} LIMIT ${countCap})
),
candidates AS MATERIALIZED (
  (SELECT d.id, d."entityType" FROM (
     (SELECT ${TIER_COLUMNS} FROM "SearchDocument" d WHERE ${live} AND d.keys && $3::text[] AND ${wanted} LIMIT ${tier})
     UNION
     (SELECT ${TIER_COLUMNS} FROM "SearchDocument" d
      WHERE NOT ${typos} AND ${live} AND kith_grams(kith_head_tsvector(d."titleFolded", d.details)) @@ kith_match_query($2::text, FALSE)
        AND ${wanted} LIMIT 3 * ${tier})
   ) d WHERE ${visible} LIMIT 2 * ${tier})
  UNION
  (${anyField})
),
ranked AS MATERIALIZED (
  SELECT d.id, d."entityType", d."updatedAt",
    CASE
      WHEN d.keys && $3::text[] THEN ${RANK_TIERS.key}
      WHEN q.worded AND (d."titleWords" ~ q.phrase OR d."titleWordsAlt" ~ q.phrase) THEN ${RANK_TIERS.titlePhrase}
      WHEN q.worded AND d."titleWords" || d."titleWordsAlt" ~ ALL(q.wholes) THEN ${RANK_TIERS.titleWords}
      WHEN q.worded AND d."titleWords" || d."titleWordsAlt" || d."detailWords" ~ ALL(q.wholes) THEN ${RANK_TIERS.detailWords}
      WHEN q.worded AND translate(d."titleWords" || d."titleWordsAlt" || d."detailWords", '-', ' ') ~ ALL(q.wholes) THEN ${RANK_TIERS.wordParts}
      WHEN ts_filter(d.tsv, '{a,b}') @@ q.plain THEN ${RANK_TIERS.prefixes}
      WHEN ts_filter(d.tsv, '{a,b,c}') @@ q.plain THEN ${RANK_TIERS.body}
      -- Closer typos share more one-letter deletions with the query's words (jhon: john shares jon and jhn,
      -- joan only jon); only whole words of the title count (qiugley: Quigley, not Quigley-Hart).
      ELSE ${RANK_TIERS.typos} + 0.1 * (SELECT count(*) FROM unnest(d."titleTypos") AS l WHERE l = ANY(q.typos))
    END + 0.5 * similarity(d."titleFolded", q.folded) + 0.4 * ts_rank_cd(d.tsv, q.query, 32) AS score,
    array_position(ARRAY[${ALL_TYPES.map((type) => `'${type}'`).join(', ')}]::"SearchEntityType"[], d."entityType") AS "typeOrder"
  -- Derived from the query once: a generic plan would otherwise fold and parse it again for every row.
  -- The words ranking compares are written with the document: the title folded and transliterated
  -- (Schröder as schroeder), the details in both spellings (kith_search_refresh).
  FROM candidates c JOIN "SearchDocument" d ON d.id = c.id,
       (SELECT kith_search_query($2::text, ${typos}) AS query, kith_search_query($2::text, FALSE) AS plain,
          kith_fold($2::text) AS folded, cardinality(f.forms) > 0 AS worded,
          -- Each query word (in its spellings) whole between spaces, and all of them in a row (a hyphen
          -- may join two), as patterns built once per query rather than per row.
          ARRAY(SELECT ' (' || w || ') ' FROM unnest(f.forms) AS w) AS wholes,
          ' (' || array_to_string(f.forms, ')[ -](') || ') ' AS phrase,
          tsvector_to_array(kith_typo_tsvector(kith_fold(kith_typed_query($2::text)))) AS typos
        FROM (SELECT kith_query_word_forms($2::text) AS forms) f OFFSET 0) q
)
SELECT p.id, p."entityType", p.score::float8 AS score, d.title, d.details, d.body, d.keys, c.counts, c.capped
FROM (SELECT (SELECT json_object_agg(g."entityType", g.n) FROM (SELECT "entityType", count(*) AS n FROM (SELECT * FROM seen UNION SELECT * FROM candidates) m GROUP BY 1) g) AS counts,
        (SELECT count(*) FROM seen) >= ${countCap} AS capped) c
LEFT JOIN LATERAL (SELECT r.* FROM ranked r ORDER BY ${ORDER} LIMIT $5 OFFSET $6) p ON TRUE
LEFT JOIN "SearchDocument" d ON d.id = p.id
ORDER BY ${ORDER.replace(/r\./g, 'p.').replace('DESC', 'DESC NULLS LAST')}`;
  const values: unknown[] = [access.workspaceId, input.query, input.keys, input.types, input.limit, input.offset];
  if (!roleCan(access.role, 'records:readAll')) values.push(access.userId, access.teamIds);
  return { text, values };
}
