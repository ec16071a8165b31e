-- Whole words in either spelling (issue 24, found by the relevance suite). A query word is whole in a title
-- when it or its transliteration is (schröder is whole in "Martin Schroeder", schroeder in "Martin Schröder"),
-- so a transliterated name ranks with the names spelled as typed instead of among prefixes. The ranking
-- statement (search.sql.ts) checks the title and details as folded and as transliterated.

-- Each query word as a regular expression of its spellings ('schroder|schroeder'), in order; words are runs of
-- letters and digits, so they carry no regular-expression syntax.
CREATE FUNCTION kith_query_word_forms(query text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(array_agg(CASE WHEN b.w IS NULL OR b.w = a.w THEN a.w ELSE a.w || '|' || b.w END ORDER BY a.n), '{}')
  FROM regexp_split_to_table(btrim(regexp_replace(public.kith_fold(public.kith_typed_query(query)), '[^[:alnum:]]+', ' ', 'g')), ' ') WITH ORDINALITY AS a(w, n)
  LEFT JOIN regexp_split_to_table(btrim(regexp_replace(public.kith_transliterate(public.kith_typed_query(query)), '[^[:alnum:]]+', ' ', 'g')), ' ') WITH ORDINALITY AS b(w, n)
    ON b.n = a.n
  WHERE a.w <> ''
$$;

-- Every word (in one of its spellings) is whole in the spaced text (kith_spaced_words).
CREATE FUNCTION kith_has_whole_forms(spaced text, forms text[]) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT cardinality(forms) > 0 AND NOT EXISTS (SELECT 1 FROM unnest(forms) AS f WHERE spaced !~ (' (' || f || ') '))
$$;

-- The words appear in order, next to each other, as whole words; a hyphen may join two of them.
CREATE FUNCTION kith_has_phrase_forms(spaced text, forms text[]) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT cardinality(forms) > 0 AND spaced ~ (' (' || array_to_string(forms, ')[ -](') || ') ')
$$;

-- Replaced by the functions above.
DROP FUNCTION kith_has_phrase(text, text[]);
DROP FUNCTION kith_has_whole_words(text, text[]);
DROP FUNCTION kith_query_words(text);
