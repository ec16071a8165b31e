-- Ranking read each candidate's title and details and derived their words (folded, transliterated, split
-- between spaces) and the title's typo variants per query: on embedded PGlite that was most of a one-word
-- search's time (about 0.2 ms a candidate, several hundred candidates). They are now written with the
-- document, once, by kith_search_refresh; the search statement reads the columns.
ALTER TABLE "SearchDocument"
  ADD COLUMN "titleWords" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "titleWordsAlt" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "detailWords" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "titleTypos" TEXT[] DEFAULT ARRAY[]::TEXT[];

CREATE OR REPLACE FUNCTION kith_search_refresh(kind "SearchEntityType", ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SearchDocument" AS d
    ("id", "workspaceId", "entityType", "title", "details", "body", "titleFolded", "keys", "tsv", "deletedAt", "updatedAt",
     "titleWords", "titleWordsAlt", "detailWords", "titleTypos")
  SELECT s.id, s."workspaceId", kind, coalesce(s.title, ''), coalesce(s.details, ''), coalesce(s.body, ''),
    w.folded, coalesce(s.keys, '{}'), kith_search_tsvector(s.title, s.details, s.body),
    s."deletedAt", coalesce(s."updatedAt", CURRENT_TIMESTAMP),
    w.title_words, kith_spaced_words(kith_transliterate(coalesce(s.title, ''))),
    kith_spaced_words(kith_fold(coalesce(s.details, ''))) || kith_spaced_words(kith_transliterate(coalesce(s.details, ''))),
    kith_whole_word_typos(w.title_words)
  FROM kith_search_source(kind, ids) AS s,
    LATERAL (SELECT kith_fold(coalesce(s.title, '')) AS folded, kith_spaced_words(kith_fold(coalesce(s.title, ''))) AS title_words) w
  ON CONFLICT ("id") DO UPDATE SET
    "workspaceId" = EXCLUDED."workspaceId", "title" = EXCLUDED."title", "details" = EXCLUDED."details",
    "body" = EXCLUDED."body", "titleFolded" = EXCLUDED."titleFolded", "keys" = EXCLUDED."keys",
    "tsv" = EXCLUDED."tsv", "deletedAt" = EXCLUDED."deletedAt", "updatedAt" = EXCLUDED."updatedAt",
    "titleWords" = EXCLUDED."titleWords", "titleWordsAlt" = EXCLUDED."titleWordsAlt",
    "detailWords" = EXCLUDED."detailWords", "titleTypos" = EXCLUDED."titleTypos";
END $$;

UPDATE "SearchDocument" SET
  "titleWords" = kith_spaced_words("titleFolded"),
  "titleWordsAlt" = kith_spaced_words(kith_transliterate(title)),
  "detailWords" = kith_spaced_words(kith_fold(details)) || kith_spaced_words(kith_transliterate(details)),
  "titleTypos" = kith_whole_word_typos(kith_spaced_words("titleFolded"));
