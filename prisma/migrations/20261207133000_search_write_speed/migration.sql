-- Writing a search document cost about 1.2 ms on PostgreSQL (more on PGlite), most of it in two places:
-- 1. kith_spellings' short-word joins read the word list through a subquery the planner flattened, so the
--    split (fold, regexp_replace, regexp_split_to_array) ran again at every reference to it, some seventy
--    times a document. OFFSET 0 keeps it computed once. Same results.
-- 2. kith_typo_tsvector called kith_word_variants per word, a SQL function that is not inlined; the
--    variants are now generated in place. Same lexemes.
CREATE OR REPLACE FUNCTION kith_spellings(input text, joins boolean) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT concat_ws(' ',
    CASE WHEN lower(input) ~ '[äöüøå]' THEN public.kith_transliterate(input) END,
    (SELECT string_agg(regexp_replace(m[1], '[''’‘`-]', '', 'g'), ' ')
     FROM regexp_matches(public.kith_fold(input), '([[:alnum:]]+(?:[''’‘`-][[:alnum:]]+)+)', 'g') AS m),
    (SELECT string_agg(regexp_replace(regexp_replace(m[1], '([[:alpha:]])([[:digit:]])', '\1 \2', 'g'), '([[:digit:]])([[:alpha:]])', '\1 \2', 'g'), ' ')
     FROM regexp_matches(public.kith_fold(input), '([[:alpha:]]+[[:digit:]][[:alnum:]]*|[[:digit:]]+[[:alpha:]][[:alnum:]]*)', 'g') AS m),
    CASE WHEN joins THEN
      (SELECT string_agg(w[i] || w[i + 1] || CASE WHEN length(w[i + 1]) <= 3 AND i + 2 <= cardinality(w) THEN w[i + 2] ELSE '' END, ' ')
       FROM (SELECT regexp_split_to_array(btrim(regexp_replace(public.kith_fold(input), '[^[:alnum:]]+', ' ', 'g')), ' ') AS w OFFSET 0) AS words,
            generate_series(1, least(cardinality(w), 12) - 1) AS i
       WHERE length(w[i]) <= 3 AND w[i] <> '')
    END)
$$;

CREATE OR REPLACE FUNCTION kith_typo_tsvector(folded text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT '~' || v)), ''::tsvector)
  FROM regexp_split_to_table(folded, '[^[:alpha:]]+') WITH ORDINALITY AS words(w, n),
       LATERAL (SELECT w UNION ALL SELECT overlay(w PLACING '' FROM i FOR 1) FROM generate_series(1, length(w)) AS i) AS variants(v)
  WHERE length(w) >= 4 AND n <= 6
$$;
