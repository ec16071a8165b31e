-- Ranking builds these patterns once per query (search.sql.ts); the per-row functions are no longer called.
DROP FUNCTION kith_has_whole_forms(text, text[]);
DROP FUNCTION kith_has_phrase_forms(text, text[]);
