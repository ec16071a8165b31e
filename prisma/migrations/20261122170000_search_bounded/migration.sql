-- Search gathers a bounded candidate set in tiers (see server/modules/search/search.sql.ts). The head tier
-- reads this index of a document's title (with its typo variants) and details (emails, job title, domain...)
-- only, whose posting lists are far shorter than the full tsvector's for words that many bodies mention.
--
-- PostgreSQL 17 evaluates index expressions with search_path = pg_catalog, pg_temp (CREATE INDEX, REINDEX,
-- VACUUM), so the functions they reach name their schema.
CREATE OR REPLACE FUNCTION kith_typo_tsvector(folded text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT '~' || v)), ''::tsvector)
  FROM regexp_split_to_table(folded, '[^[:alpha:]]+') WITH ORDINALITY AS words(w, n),
       unnest(public.kith_word_variants(w)) AS v
  WHERE length(w) >= 4 AND n <= 6
$$;

CREATE FUNCTION kith_head_tsvector(title_folded text, details text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT to_tsvector('pg_catalog.simple'::regconfig, title_folded)
      || to_tsvector('pg_catalog.simple'::regconfig, public.kith_fold(details))
      || public.kith_typo_tsvector(title_folded)
$$;

CREATE INDEX "SearchDocument_head_tsv_idx" ON "SearchDocument" USING GIN (kith_head_tsvector("titleFolded", details));
