-- Spellings people type (issue 24). Documents index other spellings of their words beside them, and a query
-- reads each of its words in both spellings:
--   * German and Scandinavian transliterations: König is found as konig (unaccent) and koenig, Koenig by
--     König; Øre as ore and oere, Åsa as asa and aasa; Straße and strasse were already one word;
--   * names joined over apostrophes and hyphens: O'Brien as obrien, Al-Amin as alamin; a query's
--     apostrophes join its words (o'brien reads as obrien, not as "o" and "brien") and its hyphens
--     separate them (al-amin finds Al Amin and Al-Amin);
--   * letters and digits: ISO27001 is also iso 27001, and in titles and details a short word joins the next
--     (ISO 27001 as iso27001, B 2 B as b2b, de la Cruz as delacruz);
--   * a query that ends or starts with @ is part of an email address, not a word: john.smith@ finds the
--     address by its start, @acme finds addresses at acme.io, acme.com...;
--   * phones are found by their last four digits or more (was seven).
-- Functions reached from index expressions name their schema (see 20261122170000_search_bounded).

CREATE FUNCTION kith_transliterate(input text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT public.kith_fold(replace(replace(replace(replace(replace(lower(input), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ø', 'oe'), 'å', 'aa'))
$$;

-- The other spellings of a text's words, folded and separated by spaces ('' when there are none); `joins`
-- adds short words joined to the words after them.
CREATE FUNCTION kith_spellings(input text, joins boolean) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT concat_ws(' ',
    CASE WHEN lower(input) ~ '[äöüøå]' THEN public.kith_transliterate(input) END,
    (SELECT string_agg(regexp_replace(m[1], '[''’‘`-]', '', 'g'), ' ')
     FROM regexp_matches(public.kith_fold(input), '([[:alnum:]]+(?:[''’‘`-][[:alnum:]]+)+)', 'g') AS m),
    (SELECT string_agg(regexp_replace(regexp_replace(m[1], '([[:alpha:]])([[:digit:]])', '\1 \2', 'g'), '([[:digit:]])([[:alpha:]])', '\1 \2', 'g'), ' ')
     FROM regexp_matches(public.kith_fold(input), '([[:alpha:]]+[[:digit:]][[:alnum:]]*|[[:digit:]]+[[:alpha:]][[:alnum:]]*)', 'g') AS m),
    CASE WHEN joins THEN
      (SELECT string_agg(w[i] || w[i + 1] || CASE WHEN length(w[i + 1]) <= 3 AND i + 2 <= cardinality(w) THEN w[i + 2] ELSE '' END, ' ')
       FROM (SELECT regexp_split_to_array(btrim(regexp_replace(public.kith_fold(input), '[^[:alnum:]]+', ' ', 'g')), ' ') AS w) AS words,
            generate_series(1, least(cardinality(w), 12) - 1) AS i
       WHERE length(w[i]) <= 3 AND w[i] <> '')
    END)
$$;

-- The domains of the email addresses in a text, as lexemes of their own ('@acme.io'): the text parser drops the @.
CREATE FUNCTION kith_email_domains(input text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT array_to_tsvector(ARRAY(SELECT DISTINCT '@' || lower(m[1]) FROM regexp_matches(input, '[^[:space:]@]@([[:alnum:].-]+\.[[:alpha:]]{2,})', 'g') AS m))
$$;

CREATE OR REPLACE FUNCTION kith_search_tsvector(title text, details text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('pg_catalog.simple'::regconfig, public.kith_fold(coalesce(title, '')) || ' ' || public.kith_spellings(coalesce(title, ''), TRUE)), 'A')
      || setweight(to_tsvector('pg_catalog.simple'::regconfig, public.kith_fold(coalesce(details, '')) || ' ' || public.kith_spellings(coalesce(details, ''), TRUE)), 'B')
      || setweight(public.kith_email_domains(coalesce(details, '')), 'B')
      || setweight(to_tsvector('pg_catalog.simple'::regconfig, public.kith_fold(coalesce(body, '')) || ' ' || public.kith_spellings(coalesce(body, ''), FALSE)), 'C')
      || public.kith_typo_tsvector(public.kith_fold(coalesce(title, '')))
$$;

-- The head index reads the folded title, so its transliterations are in the full index only.
CREATE OR REPLACE FUNCTION kith_head_tsvector(title_folded text, details text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT to_tsvector('pg_catalog.simple'::regconfig, title_folded || ' ' || public.kith_spellings(title_folded, TRUE))
      || to_tsvector('pg_catalog.simple'::regconfig, public.kith_fold(details) || ' ' || public.kith_spellings(details, TRUE))
      || public.kith_email_domains(details)
      || public.kith_typo_tsvector(title_folded)
$$;

-- Each word of the query as typed and, when it differs, as transliterated (the two spellings are paired by
-- the word's position: transliterating never splits or joins words).
CREATE FUNCTION kith_word_query(query text, typos boolean, as_grams boolean) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  WITH typed AS (
    SELECT regexp_replace(regexp_replace(left(query, 200), '([[:alnum:]])[''’‘`]([[:alnum:]])', '\1\2', 'g'), '([[:alnum:]])-([[:alnum:]])', '\1 \2', 'g') AS text
  ),
  words AS (
    SELECT a.lexeme, b.lexeme AS other, a.pos
    FROM (SELECT t.lexeme, t.positions[1] AS pos FROM typed, unnest(to_tsvector('pg_catalog.simple'::regconfig, public.kith_fold(typed.text))) AS t) AS a
    LEFT JOIN (SELECT t.lexeme, t.positions[1] AS pos FROM typed, unnest(to_tsvector('pg_catalog.simple'::regconfig, public.kith_transliterate(typed.text))) AS t) AS b
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

-- A query that is the start or the end of an email address is one lexeme (see kith_email_domains); any other
-- is read word by word.
CREATE OR REPLACE FUNCTION kith_query(query text, typos boolean, as_grams boolean) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT CASE WHEN btrim(query) ~ '^(@[^[:space:]@]+|[^[:space:]@]+@)$'
    THEN (CASE WHEN as_grams THEN public.kith_tsquery_lexeme('^' || left(lower(btrim(query)), 16)) ELSE public.kith_tsquery_lexeme(lower(btrim(query))) || ':*' END)::tsquery
    ELSE public.kith_word_query(query, typos, as_grams) END
$$;

-- Every digit suffix of four digits or more: "+12125550187" is found as 0187, 5550187, 2125550187...
CREATE OR REPLACE FUNCTION kith_phone_keys(phone text) RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT 'phone:' || right(p.digits, n)
  FROM (SELECT regexp_replace(phone, '\D', '', 'g') AS digits) AS p, generate_series(4, length(p.digits)) AS n
$$;

REINDEX INDEX "SearchDocument_head_grams_idx";
SELECT kith_search_refresh(k, NULL) FROM unnest(enum_range(NULL::"SearchEntityType")) AS k;
