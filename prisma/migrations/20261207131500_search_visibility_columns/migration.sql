-- A member's search checked each matching contact, company, deal and communication against its record's
-- visibility and owner: an index probe per match, hundreds per query. The document now carries both,
-- written by kith_search_refresh whenever the record changes (any UPDATE of the record refreshes its
-- document, so an owner or visibility change is never stale); shares are still looked up live.
ALTER TABLE "SearchDocument" ADD COLUMN "visibility" "RecordVisibility", ADD COLUMN "ownerId" UUID;

CREATE OR REPLACE FUNCTION kith_search_refresh(kind "SearchEntityType", ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SearchDocument" AS d
    ("id", "workspaceId", "entityType", "title", "details", "body", "titleFolded", "keys", "tsv", "deletedAt", "updatedAt",
     "titleWords", "titleWordsAlt", "detailWords", "titleTypos", "visibility", "ownerId")
  SELECT s.id, s."workspaceId", kith_search_refresh.kind, coalesce(s.title, ''), coalesce(s.details, ''), coalesce(s.body, ''),
    w.folded, coalesce(s.keys, '{}'), kith_search_tsvector(s.title, s.details, s.body),
    s."deletedAt", coalesce(s."updatedAt", CURRENT_TIMESTAMP),
    w.title_words, kith_spaced_words(kith_transliterate(coalesce(s.title, ''))),
    kith_spaced_words(kith_fold(coalesce(s.details, ''))) || kith_spaced_words(kith_transliterate(coalesce(s.details, ''))),
    kith_whole_word_typos(w.title_words),
    coalesce(oc.visibility, oo.visibility, od.visibility, om.visibility),
    coalesce(oc."ownerId", oo."ownerId", od."ownerId", om."ownerId")
  FROM kith_search_source(kind, ids) AS s
    CROSS JOIN LATERAL (SELECT kith_fold(coalesce(s.title, '')) AS folded, kith_spaced_words(kith_fold(coalesce(s.title, ''))) AS title_words) w
    LEFT JOIN "Contact" oc ON kith_search_refresh.kind = 'CONTACT' AND oc.id = s.id
    LEFT JOIN "Company" oo ON kith_search_refresh.kind = 'COMPANY' AND oo.id = s.id
    LEFT JOIN "Deal" od ON kith_search_refresh.kind = 'DEAL' AND od.id = s.id
    LEFT JOIN "Communication" om ON kith_search_refresh.kind = 'COMMUNICATION' AND om.id = s.id
  ON CONFLICT ("id") DO UPDATE SET
    "workspaceId" = EXCLUDED."workspaceId", "title" = EXCLUDED."title", "details" = EXCLUDED."details",
    "body" = EXCLUDED."body", "titleFolded" = EXCLUDED."titleFolded", "keys" = EXCLUDED."keys",
    "tsv" = EXCLUDED."tsv", "deletedAt" = EXCLUDED."deletedAt", "updatedAt" = EXCLUDED."updatedAt",
    "titleWords" = EXCLUDED."titleWords", "titleWordsAlt" = EXCLUDED."titleWordsAlt",
    "detailWords" = EXCLUDED."detailWords", "titleTypos" = EXCLUDED."titleTypos",
    "visibility" = EXCLUDED."visibility", "ownerId" = EXCLUDED."ownerId";
END $$;

UPDATE "SearchDocument" d SET "visibility" = r.visibility, "ownerId" = r."ownerId" FROM "Contact" r WHERE d.id = r.id AND d."entityType" = 'CONTACT';
UPDATE "SearchDocument" d SET "visibility" = r.visibility, "ownerId" = r."ownerId" FROM "Company" r WHERE d.id = r.id AND d."entityType" = 'COMPANY';
UPDATE "SearchDocument" d SET "visibility" = r.visibility, "ownerId" = r."ownerId" FROM "Deal" r WHERE d.id = r.id AND d."entityType" = 'DEAL';
UPDATE "SearchDocument" d SET "visibility" = r.visibility, "ownerId" = r."ownerId" FROM "Communication" r WHERE d.id = r.id AND d."entityType" = 'COMMUNICATION';
