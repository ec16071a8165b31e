-- Relevance fixes found by the relevance suite (server/modules/search/relevance, issue 24).
--
-- 1. Ties go to the record changed last, so a document carries its record's "updatedAt" (a file's
--    "createdAt"), not the time the document was written: one bulk import wrote every document at the same
--    instant, and a migration that rewrote all documents made every tie a coin toss by id.
-- 2. A query word that runs letters into digits also reads as its parts when each has two characters or
--    more: covid19 finds "COVID 19", windows11 "Windows 11" (short parts were already joined on the
--    document side: "B 2 B" is b2b, "ISO 27001" iso27001).
-- 3. Typo closeness counts only whole words of the title (kith_whole_word_typos): "qiugley" is closer to
--    Bartholomew Quigley than to Kim Quigley-Hart.

DROP FUNCTION kith_search_source("SearchEntityType", uuid[]);

CREATE FUNCTION kith_search_source(kind "SearchEntityType", ids uuid[])
RETURNS TABLE (id uuid, "workspaceId" uuid, title text, details text, body text, keys text[], "deletedAt" timestamp(3), "updatedAt" timestamp(3))
LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF ids IS NULL THEN
    EXECUTE format('SELECT coalesce(array_agg(id), ''{}'') FROM %I',
      initcap(kind::text)) INTO ids;
  END IF;
  CASE kind
  WHEN 'CONTACT' THEN RETURN QUERY
    SELECT c.id, c."workspaceId", btrim(c."firstName" || ' ' || c."lastName"),
      concat_ws(' ', c."jobTitle", c.headline, c.location,
        (SELECT string_agg(e.email, ' ') FROM "ContactEmail" e WHERE e."contactId" = c.id)),
      array_to_string(c.skills, ' '),
      ARRAY(
        SELECT 'email:' || lower(e.email) FROM "ContactEmail" e WHERE e."contactId" = c.id
        UNION SELECT 'domain:' || split_part(lower(e.email), '@', 2) FROM "ContactEmail" e WHERE e."contactId" = c.id
        UNION SELECT k FROM "ContactPhone" p, kith_phone_keys(p.e164) AS k WHERE p."contactId" = c.id
        UNION SELECT 'profile:' || pr."normalizedKey" FROM "ContactProfile" pr WHERE pr."contactId" = c.id),
      c."deletedAt", c."updatedAt"
    FROM "Contact" c WHERE c.id = ANY(ids);
  WHEN 'COMPANY' THEN RETURN QUERY
    SELECT c.id, c."workspaceId", c.name,
      concat_ws(' ', c.domain, c.industry, c.city, c.region, c.country, c.website),
      ''::text,
      ARRAY(
        SELECT 'domain:' || c.domain WHERE c.domain IS NOT NULL
        UNION SELECT k FROM kith_phone_keys(c.phone) AS k),
      c."deletedAt", c."updatedAt"
    FROM "Company" c WHERE c.id = ANY(ids);
  WHEN 'DEAL' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", x.name, ''::text, ''::text, '{}'::text[], x."deletedAt", x."updatedAt"
    FROM "Deal" x WHERE x.id = ANY(ids);
  WHEN 'NOTE' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", kith_first_line(x.body), ''::text, x.body, '{}'::text[], x."deletedAt", x."updatedAt"
    FROM "Note" x WHERE x.id = ANY(ids);
  WHEN 'ACTIVITY' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", x.subject, lower(x.type::text), coalesce(x.body, ''), '{}'::text[], x."deletedAt", x."updatedAt"
    FROM "Activity" x WHERE x.id = ANY(ids);
  WHEN 'COMMUNICATION' THEN RETURN QUERY
    -- A private body is never indexed: its words must not reveal it to members who cannot read it.
    SELECT x.id, x."workspaceId",
      coalesce(nullif(btrim(x.subject), ''), initcap(x.kind::text) || ' ' || coalesce(x."fromAddress", '')),
      concat_ws(' ', x."fromAddress", array_to_string(x."toAddresses", ' '), x.outcome),
      CASE WHEN x."bodyPrivate" THEN '' ELSE coalesce(x.body, '') END,
      ARRAY(SELECT DISTINCT k FROM unnest(array_append(x."toAddresses", x."fromAddress")) AS a, kith_address_keys(a) AS k),
      x."deletedAt", x."updatedAt"
    FROM "Communication" x WHERE x.id = ANY(ids);
  WHEN 'COMMENT' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", kith_first_line(x.body), ''::text, x.body, '{}'::text[], x."deletedAt", x."updatedAt"
    FROM "Comment" x WHERE x.id = ANY(ids);
  WHEN 'FILE' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", x.name, ''::text, ''::text, '{}'::text[], x."deletedAt", x."createdAt"
    FROM "File" x WHERE x.id = ANY(ids);
  WHEN 'FORM' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", x.name, ''::text, ''::text, '{}'::text[], x."deletedAt", x."updatedAt"
    FROM "Form" x WHERE x.id = ANY(ids);
  END CASE;
END $$;

CREATE OR REPLACE FUNCTION kith_search_refresh(kind "SearchEntityType", ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SearchDocument" AS d
    ("id", "workspaceId", "entityType", "title", "details", "body", "titleFolded", "keys", "tsv", "deletedAt", "updatedAt")
  SELECT s.id, s."workspaceId", kind, coalesce(s.title, ''), coalesce(s.details, ''), coalesce(s.body, ''),
    kith_fold(coalesce(s.title, '')), coalesce(s.keys, '{}'), kith_search_tsvector(s.title, s.details, s.body),
    s."deletedAt", coalesce(s."updatedAt", CURRENT_TIMESTAMP)
  FROM kith_search_source(kind, ids) AS s
  ON CONFLICT ("id") DO UPDATE SET
    "workspaceId" = EXCLUDED."workspaceId", "title" = EXCLUDED."title", "details" = EXCLUDED."details",
    "body" = EXCLUDED."body", "titleFolded" = EXCLUDED."titleFolded", "keys" = EXCLUDED."keys",
    "tsv" = EXCLUDED."tsv", "deletedAt" = EXCLUDED."deletedAt", "updatedAt" = EXCLUDED."updatedAt";
END $$;

UPDATE "SearchDocument" d SET "updatedAt" = r."updatedAt" FROM "Contact" r WHERE d.id = r.id AND d."entityType" = 'CONTACT';
UPDATE "SearchDocument" d SET "updatedAt" = r."updatedAt" FROM "Company" r WHERE d.id = r.id AND d."entityType" = 'COMPANY';
UPDATE "SearchDocument" d SET "updatedAt" = r."updatedAt" FROM "Deal" r WHERE d.id = r.id AND d."entityType" = 'DEAL';
UPDATE "SearchDocument" d SET "updatedAt" = r."updatedAt" FROM "Note" r WHERE d.id = r.id AND d."entityType" = 'NOTE';
UPDATE "SearchDocument" d SET "updatedAt" = r."updatedAt" FROM "Activity" r WHERE d.id = r.id AND d."entityType" = 'ACTIVITY';
UPDATE "SearchDocument" d SET "updatedAt" = r."updatedAt" FROM "Communication" r WHERE d.id = r.id AND d."entityType" = 'COMMUNICATION';
UPDATE "SearchDocument" d SET "updatedAt" = r."updatedAt" FROM "Comment" r WHERE d.id = r.id AND d."entityType" = 'COMMENT';
UPDATE "SearchDocument" d SET "updatedAt" = r."createdAt" FROM "File" r WHERE d.id = r.id AND d."entityType" = 'FILE';
UPDATE "SearchDocument" d SET "updatedAt" = r."updatedAt" FROM "Form" r WHERE d.id = r.id AND d."entityType" = 'FORM';

CREATE OR REPLACE FUNCTION kith_word_query(query text, typos boolean, as_grams boolean) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  WITH words AS (
    SELECT a.lexeme, b.lexeme AS other, a.pos,
      CASE WHEN a.lexeme ~ '^([[:alpha:]]{2,}|[[:digit:]]{2,})+$' AND a.lexeme ~ '[[:alpha:]]' AND a.lexeme ~ '[[:digit:]]'
        THEN ARRAY(SELECT m[1] FROM regexp_matches(a.lexeme, '([[:alpha:]]+|[[:digit:]]+)', 'g') AS m) END AS parts
    FROM (SELECT t.lexeme, t.positions[1] AS pos FROM unnest(to_tsvector('pg_catalog.simple'::regconfig, public.kith_fold(public.kith_typed_query(query)))) AS t) AS a
    LEFT JOIN (SELECT t.lexeme, t.positions[1] AS pos FROM unnest(to_tsvector('pg_catalog.simple'::regconfig, public.kith_transliterate(public.kith_typed_query(query)))) AS t) AS b
      ON b.pos = a.pos AND b.lexeme <> a.lexeme
    ORDER BY a.pos
    LIMIT 8
  )
  SELECT string_agg('('
      || CASE WHEN as_grams THEN public.kith_tsquery_lexeme('^' || left(w.lexeme, 16)) ELSE public.kith_tsquery_lexeme(w.lexeme) || ':*' END
      || CASE WHEN w.other IS NULL THEN ''
           WHEN as_grams THEN ' | ' || public.kith_tsquery_lexeme('^' || left(w.other, 16))
           ELSE ' | ' || public.kith_tsquery_lexeme(w.other) || ':*' END
      || CASE WHEN cardinality(w.parts) > 1
           THEN ' | (' || (SELECT string_agg(CASE WHEN as_grams THEN public.kith_tsquery_lexeme('^' || left(p, 16)) ELSE public.kith_tsquery_lexeme(p) || ':*' END, ' & ') FROM unnest(w.parts) AS p) || ')'
           ELSE '' END
      || CASE WHEN typos AND length(w.lexeme) >= 4 AND w.lexeme ~ '^[[:alpha:]]+$'
           THEN (SELECT string_agg(' | ' || public.kith_tsquery_lexeme('~' || v), '') FROM unnest(public.kith_word_variants(w.lexeme)) AS v)
           ELSE '' END
      || ')', ' & ' ORDER BY w.pos)::tsquery
  FROM words w
$$;

-- The typo lexemes ('~...') of the whole words of a spaced title (kith_spaced_words): a hyphenated compound
-- is one word, so its parts do not count.
CREATE FUNCTION kith_whole_word_typos(spaced text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(array_agg(DISTINCT '~' || v), '{}')
  FROM regexp_split_to_table(btrim(spaced), ' ') AS w, unnest(public.kith_word_variants(w)) AS v
  WHERE length(w) >= 4 AND w ~ '^[[:alpha:]]+$'
$$;
