-- Search needs trigrams (similarity ranking, gin_trgm_ops) and accent folding; PGlite loads both as contrib extensions.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- CreateEnum
CREATE TYPE "SearchEntityType" AS ENUM ('CONTACT', 'COMPANY', 'DEAL', 'NOTE', 'ACTIVITY', 'COMMUNICATION', 'COMMENT', 'FILE', 'FORM');

-- CreateTable
CREATE TABLE "SearchDocument" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "entityType" "SearchEntityType" NOT NULL,
    "title" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "titleFolded" TEXT NOT NULL DEFAULT '',
    "keys" TEXT[],
    "tsv" tsvector,
    "deletedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SearchDocument_tsv_idx" ON "SearchDocument" USING GIN ("tsv");

-- CreateIndex
CREATE INDEX "SearchDocument_keys_idx" ON "SearchDocument" USING GIN ("keys");

-- CreateIndex
CREATE INDEX "SearchDocument_titleFolded_idx" ON "SearchDocument" USING GIN ("titleFolded" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "SearchDocument_workspaceId_entityType_idx" ON "SearchDocument"("workspaceId", "entityType");

-- ------------------------------------------------------------------ search functions
-- unaccent() is only STABLE (it finds its dictionary through search_path); naming the dictionary makes the
-- folding safe to declare IMMUTABLE, so it can build stored and indexed values.
CREATE FUNCTION kith_fold(input text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT lower(public.unaccent('public.unaccent'::regdictionary, input))
$$;

-- A word and each of its one-letter deletions. Two words one typo apart (wrong, missing, extra or swapped
-- letter) share at least one of these, so typo matching is an exact lexeme match in the GIN index.
CREATE FUNCTION kith_word_variants(word text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT array_agg(DISTINCT v) FROM (
    SELECT word AS v
    UNION ALL
    SELECT overlay(word PLACING '' FROM i FOR 1) FROM generate_series(1, length(word)) AS i
  ) AS variants
$$;

-- Typo lexemes for the first words of a folded title, marked with '~' (the text parser never makes '~').
CREATE FUNCTION kith_typo_tsvector(folded text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT '~' || v)), ''::tsvector)
  FROM regexp_split_to_table(folded, '[^[:alpha:]]+') WITH ORDINALITY AS words(w, n),
       unnest(kith_word_variants(w)) AS v
  WHERE length(w) >= 4 AND n <= 6
$$;

CREATE FUNCTION kith_search_tsvector(title text, details text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('pg_catalog.simple'::regconfig, kith_fold(coalesce(title, ''))), 'A')
      || setweight(to_tsvector('pg_catalog.simple'::regconfig, kith_fold(coalesce(details, ''))), 'B')
      || setweight(to_tsvector('pg_catalog.simple'::regconfig, kith_fold(coalesce(body, ''))), 'C')
      || kith_typo_tsvector(kith_fold(coalesce(title, '')))
$$;

CREATE FUNCTION kith_tsquery_lexeme(lexeme text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''''
$$;

-- "jhon smi" -> ('jhon':* | '~jhon' | '~hon' | '~jon' | ...) & 'smi':* : every word as a prefix, words of
-- four letters or more also one typo away. NULL when the query has no words.
CREATE FUNCTION kith_search_query(query text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT string_agg(term, ' & ')::tsquery FROM (
    SELECT '(' || kith_tsquery_lexeme(t.lexeme) || ':*'
      || CASE WHEN length(t.lexeme) >= 4 AND t.lexeme ~ '^[[:alpha:]]+$'
           THEN (SELECT string_agg(' | ' || kith_tsquery_lexeme('~' || v), '') FROM unnest(kith_word_variants(t.lexeme)) AS v)
           ELSE '' END
      || ')' AS term
    FROM unnest(to_tsvector('pg_catalog.simple'::regconfig, kith_fold(left(query, 200)))) AS t
    LIMIT 8
  ) AS terms
$$;

-- Every digit suffix of seven digits or more: "+14155550123" is found as 4155550123, 5550123, 14155550123...
CREATE FUNCTION kith_phone_keys(phone text) RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT 'phone:' || right(p.digits, n)
  FROM (SELECT regexp_replace(phone, '\D', '', 'g') AS digits) AS p, generate_series(7, length(p.digits)) AS n
$$;

-- Keys of an address on a communication: an email (and its domain) or a phone number.
CREATE FUNCTION kith_address_keys(address text) RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT 'email:' || lower(btrim(address)) WHERE address LIKE '%@%'
  UNION ALL SELECT 'domain:' || split_part(lower(btrim(address)), '@', 2) WHERE address LIKE '%@%'
  UNION ALL SELECT k FROM kith_phone_keys(address) AS k WHERE address NOT LIKE '%@%'
$$;

-- The first line of a markdown text, without heading or list marks, as the title of a note or comment.
CREATE FUNCTION kith_first_line(body text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT left(btrim(regexp_replace(split_part(btrim(body), E'\n', 1), '^[#>*+\-\s]+', '')), 120)
$$;

-- What each kind of record contributes to search; ids NULL means every record (backfill, bulk loads).
CREATE FUNCTION kith_search_source(kind "SearchEntityType", ids uuid[])
RETURNS TABLE (id uuid, "workspaceId" uuid, title text, details text, body text, keys text[], "deletedAt" timestamp(3))
LANGUAGE plpgsql STABLE AS $$
BEGIN
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
      c."deletedAt"
    FROM "Contact" c WHERE ids IS NULL OR c.id = ANY(ids);
  WHEN 'COMPANY' THEN RETURN QUERY
    SELECT c.id, c."workspaceId", c.name,
      concat_ws(' ', c.domain, c.industry, c.city, c.region, c.country, c.website),
      ''::text,
      ARRAY(
        SELECT 'domain:' || c.domain WHERE c.domain IS NOT NULL
        UNION SELECT k FROM kith_phone_keys(c.phone) AS k),
      c."deletedAt"
    FROM "Company" c WHERE ids IS NULL OR c.id = ANY(ids);
  WHEN 'DEAL' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", x.name, ''::text, ''::text, '{}'::text[], x."deletedAt"
    FROM "Deal" x WHERE ids IS NULL OR x.id = ANY(ids);
  WHEN 'NOTE' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", kith_first_line(x.body), ''::text, x.body, '{}'::text[], x."deletedAt"
    FROM "Note" x WHERE ids IS NULL OR x.id = ANY(ids);
  WHEN 'ACTIVITY' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", x.subject, lower(x.type::text), coalesce(x.body, ''), '{}'::text[], x."deletedAt"
    FROM "Activity" x WHERE ids IS NULL OR x.id = ANY(ids);
  WHEN 'COMMUNICATION' THEN RETURN QUERY
    -- A private body is never indexed: its words must not reveal it to members who cannot read it.
    SELECT x.id, x."workspaceId",
      coalesce(nullif(btrim(x.subject), ''), initcap(x.kind::text) || ' ' || coalesce(x."fromAddress", '')),
      concat_ws(' ', x."fromAddress", array_to_string(x."toAddresses", ' '), x.outcome),
      CASE WHEN x."bodyPrivate" THEN '' ELSE coalesce(x.body, '') END,
      ARRAY(SELECT DISTINCT k FROM unnest(array_append(x."toAddresses", x."fromAddress")) AS a, kith_address_keys(a) AS k),
      x."deletedAt"
    FROM "Communication" x WHERE ids IS NULL OR x.id = ANY(ids);
  WHEN 'COMMENT' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", kith_first_line(x.body), ''::text, x.body, '{}'::text[], x."deletedAt"
    FROM "Comment" x WHERE ids IS NULL OR x.id = ANY(ids);
  WHEN 'FILE' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", x.name, ''::text, ''::text, '{}'::text[], x."deletedAt"
    FROM "File" x WHERE ids IS NULL OR x.id = ANY(ids);
  WHEN 'FORM' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", x.name, ''::text, ''::text, '{}'::text[], x."deletedAt"
    FROM "Form" x WHERE ids IS NULL OR x.id = ANY(ids);
  END CASE;
END $$;

-- Writes the search documents of records (all of a kind when ids is NULL) from their current rows.
CREATE FUNCTION kith_search_refresh(kind "SearchEntityType", ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SearchDocument" AS d
    ("id", "workspaceId", "entityType", "title", "details", "body", "titleFolded", "keys", "tsv", "deletedAt", "updatedAt")
  SELECT s.id, s."workspaceId", kind, coalesce(s.title, ''), coalesce(s.details, ''), coalesce(s.body, ''),
    kith_fold(coalesce(s.title, '')), coalesce(s.keys, '{}'), kith_search_tsvector(s.title, s.details, s.body),
    s."deletedAt", CURRENT_TIMESTAMP
  FROM kith_search_source(kind, ids) AS s
  ON CONFLICT ("id") DO UPDATE SET
    "workspaceId" = EXCLUDED."workspaceId", "title" = EXCLUDED."title", "details" = EXCLUDED."details",
    "body" = EXCLUDED."body", "titleFolded" = EXCLUDED."titleFolded", "keys" = EXCLUDED."keys",
    "tsv" = EXCLUDED."tsv", "deletedAt" = EXCLUDED."deletedAt", "updatedAt" = EXCLUDED."updatedAt";
END $$;

-- Row triggers: the document changes in the same transaction as its record; erasing a record erases it.
CREATE FUNCTION kith_search_on_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchDocument" WHERE "id" = OLD.id;
    RETURN OLD;
  END IF;
  PERFORM kith_search_refresh(TG_ARGV[0]::"SearchEntityType", ARRAY[NEW.id]);
  RETURN NEW;
END $$;

-- Emails, phones and profiles live in their own tables: a change there rewrites the contact's document.
CREATE FUNCTION kith_search_on_contact_detail() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM kith_search_refresh('CONTACT', ARRAY[OLD."contactId"]); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM kith_search_refresh('CONTACT', ARRAY[NEW."contactId"]); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Contact_search" AFTER INSERT OR UPDATE OR DELETE ON "Contact" FOR EACH ROW EXECUTE FUNCTION kith_search_on_record('CONTACT');
CREATE TRIGGER "Company_search" AFTER INSERT OR UPDATE OR DELETE ON "Company" FOR EACH ROW EXECUTE FUNCTION kith_search_on_record('COMPANY');
CREATE TRIGGER "Deal_search" AFTER INSERT OR UPDATE OR DELETE ON "Deal" FOR EACH ROW EXECUTE FUNCTION kith_search_on_record('DEAL');
CREATE TRIGGER "Note_search" AFTER INSERT OR UPDATE OR DELETE ON "Note" FOR EACH ROW EXECUTE FUNCTION kith_search_on_record('NOTE');
CREATE TRIGGER "Activity_search" AFTER INSERT OR UPDATE OR DELETE ON "Activity" FOR EACH ROW EXECUTE FUNCTION kith_search_on_record('ACTIVITY');
CREATE TRIGGER "Communication_search" AFTER INSERT OR UPDATE OR DELETE ON "Communication" FOR EACH ROW EXECUTE FUNCTION kith_search_on_record('COMMUNICATION');
CREATE TRIGGER "Comment_search" AFTER INSERT OR UPDATE OR DELETE ON "Comment" FOR EACH ROW EXECUTE FUNCTION kith_search_on_record('COMMENT');
CREATE TRIGGER "File_search" AFTER INSERT OR UPDATE OR DELETE ON "File" FOR EACH ROW EXECUTE FUNCTION kith_search_on_record('FILE');
CREATE TRIGGER "Form_search" AFTER INSERT OR UPDATE OR DELETE ON "Form" FOR EACH ROW EXECUTE FUNCTION kith_search_on_record('FORM');
CREATE TRIGGER "ContactEmail_search" AFTER INSERT OR UPDATE OR DELETE ON "ContactEmail" FOR EACH ROW EXECUTE FUNCTION kith_search_on_contact_detail();
CREATE TRIGGER "ContactPhone_search" AFTER INSERT OR UPDATE OR DELETE ON "ContactPhone" FOR EACH ROW EXECUTE FUNCTION kith_search_on_contact_detail();
CREATE TRIGGER "ContactProfile_search" AFTER INSERT OR UPDATE OR DELETE ON "ContactProfile" FOR EACH ROW EXECUTE FUNCTION kith_search_on_contact_detail();

-- Records that existed before search.
SELECT kith_search_refresh(k, NULL) FROM unnest(enum_range(NULL::"SearchEntityType")) AS k;
