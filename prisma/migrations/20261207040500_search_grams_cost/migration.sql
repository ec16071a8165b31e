-- The planner prices a SQL function like one operator (COST 100). kith_grams unnests a document's lexemes
-- and builds up to 16 grams of each, so on a small workspace the planner filtered every row through it
-- instead of using the GIN index on it: an owner's search on 2,000 PGlite documents took 0.6-1.2 s instead
-- of tens of milliseconds. Its cost now says what it does.
ALTER FUNCTION kith_grams(tsvector) COST 10000;
