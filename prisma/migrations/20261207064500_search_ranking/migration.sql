-- Ranking a person can predict (issue 24): results are ordered by what kind of match they are, then by how
-- close, then by the most recently changed (see search.sql.ts). These functions read a query's words and look
-- for them as whole words in a document's title and details.

-- A query as its words are read: apostrophes inside a word join it (o'brien is obrien), hyphens separate
-- words (al-amin is al amin).
CREATE FUNCTION kith_typed_query(query text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT regexp_replace(regexp_replace(left(query, 200), '([[:alnum:]])[''’‘`]([[:alnum:]])', '\1\2', 'g'), '([[:alnum:]])-([[:alnum:]])', '\1 \2', 'g')
$$;

-- The query's folded words, in order.
CREATE FUNCTION kith_query_words(query text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(array_agg(w ORDER BY n), '{}')
  FROM regexp_split_to_table(public.kith_fold(public.kith_typed_query(query)), '[^[:alnum:]]+') WITH ORDINALITY AS words(w, n)
  WHERE w <> ''
$$;

-- A text's words between single spaces, with a space at each end: apostrophes join words, hyphens stay
-- inside them (weber-schulz is one word here, so "weber" is not whole in it), other punctuation separates.
CREATE FUNCTION kith_spaced_words(folded text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT ' ' || btrim(regexp_replace(regexp_replace(folded, '[''’‘`]', '', 'g'), '[^[:alnum:]-]+', ' ', 'g')) || ' '
$$;

-- Every word appears whole in the spaced text.
CREATE FUNCTION kith_has_whole_words(spaced text, words text[]) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT cardinality(words) > 0 AND NOT EXISTS (SELECT 1 FROM unnest(words) AS w WHERE position(' ' || w || ' ' IN spaced) = 0)
$$;

-- The words appear in order, next to each other, as whole words; a hyphen may join two of them (al amin is
-- whole in "sara al-amin").
CREATE FUNCTION kith_has_phrase(spaced text, words text[]) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT cardinality(words) > 0 AND spaced ~ (' ' || array_to_string(words, '[ -]') || ' ')
$$;

CREATE OR REPLACE FUNCTION kith_word_query(query text, typos boolean, as_grams boolean) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  WITH words AS (
    SELECT a.lexeme, b.lexeme AS other, a.pos
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
      || CASE WHEN typos AND length(w.lexeme) >= 4 AND w.lexeme ~ '^[[:alpha:]]+$'
           THEN (SELECT string_agg(' | ' || public.kith_tsquery_lexeme('~' || v), '') FROM unnest(public.kith_word_variants(w.lexeme)) AS v)
           ELSE '' END
      || ')', ' & ' ORDER BY w.pos)::tsquery
  FROM words w
$$;
