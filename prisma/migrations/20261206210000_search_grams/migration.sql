-- Prefix matching without partial-match index scans. A tsquery prefix ('smith':*) makes GIN collect every
-- posting of every lexeme with that prefix into a bitmap before anything else happens: tens of
-- milliseconds for a common name at a million documents, even when the other words are rare. Indexing each
-- word's leading characters as lexemes of their own ('^s', '^sm', ... '^smith', at most 16 characters)
-- turns a prefix into an exact lexeme, which GIN's AND/OR "fast scan" skips through. Typo lexemes ('~...')
-- are kept as they are. Ranking still uses the prefix query on "tsv" (see search.sql.ts).
--
-- Functions reached from index expressions name their schema (see 20261122170000_search_bounded).
CREATE FUNCTION kith_grams(v tsvector) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT g.gram)), ''::tsvector)
  FROM unnest(pg_catalog.tsvector_to_array(v)) AS l(lexeme),
       LATERAL (SELECT l.lexeme AS gram WHERE left(l.lexeme, 1) = '~'
                UNION ALL
                SELECT '^' || left(l.lexeme, n) FROM generate_series(1, least(length(l.lexeme), 16)) AS n
                WHERE left(l.lexeme, 1) <> '~') AS g
$$;

-- A search query as a tsquery, each word a prefix in one of two spellings: as grams for the index
-- (`as_grams`: "jhon smi" -> '^jhon' & '^smi', matched against kith_grams) or as tsquery prefixes for
-- ranking over "tsv" ('jhon':* & 'smi':*). With `typos`, words of four letters or more also match their
-- one-typo variants: ('^jhon' | '~jhon' | '~hon' | ...). Typo lexemes multiply the postings GIN reads
-- (5-10x for common names) and ranking 700 candidates with them costs ~11 ms, so search asks for them only
-- when the words alone find little (see search.sql.ts). Words longer than 16 characters match on their
-- first 16 as grams.
CREATE FUNCTION kith_query(query text, typos boolean, as_grams boolean) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT string_agg(term, ' & ')::tsquery FROM (
    SELECT '('
      || CASE WHEN as_grams THEN public.kith_tsquery_lexeme('^' || left(t.lexeme, 16)) ELSE public.kith_tsquery_lexeme(t.lexeme) || ':*' END
      || CASE WHEN typos AND length(t.lexeme) >= 4 AND t.lexeme ~ '^[[:alpha:]]+$'
           THEN (SELECT string_agg(' | ' || public.kith_tsquery_lexeme('~' || v), '') FROM unnest(public.kith_word_variants(t.lexeme)) AS v)
           ELSE '' END
      || ')' AS term
    FROM unnest(to_tsvector('pg_catalog.simple'::regconfig, public.kith_fold(left(query, 200)))) AS t
    LIMIT 8
  ) AS terms
$$;

-- The index side (grams) and the ranking side (prefixes over "tsv").
CREATE FUNCTION kith_match_query(query text, typos boolean) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT public.kith_query(query, typos, TRUE)
$$;
CREATE FUNCTION kith_search_query(query text, typos boolean) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT public.kith_query(query, typos, FALSE)
$$;
DROP FUNCTION kith_search_query(text);

DROP INDEX "SearchDocument_tsv_idx";
DROP INDEX "SearchDocument_head_tsv_idx";
CREATE INDEX "SearchDocument_grams_idx" ON "SearchDocument" USING GIN (kith_grams(tsv));
CREATE INDEX "SearchDocument_head_grams_idx" ON "SearchDocument" USING GIN (kith_grams(kith_head_tsvector("titleFolded", details)));
