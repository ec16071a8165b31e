-- Custom fields in search: the values of a record's live text-type custom fields (text, long text, URL,
-- email, phone) join its body, the lowest-weighted part of its search document. Same columns as before
-- (updatedAt included), so CREATE OR REPLACE keeps every caller.

CREATE FUNCTION kith_custom_text(ws uuid, ent "CustomFieldEntity", doc jsonb) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(string_agg(doc ->> f.key, ' ' ORDER BY f.position), '')
    FROM "CustomField" f
   WHERE f."workspaceId" = ws AND f.entity = ent AND f."deletedAt" IS NULL AND f."archivedAt" IS NULL
     AND f.type IN ('TEXT', 'LONG_TEXT', 'URL', 'EMAIL', 'PHONE') AND jsonb_typeof(doc -> f.key) = 'string'
$$;

CREATE OR REPLACE FUNCTION kith_search_source(kind "SearchEntityType", ids uuid[])
RETURNS TABLE (id uuid, "workspaceId" uuid, title text, details text, body text, keys text[], "deletedAt" timestamp(3), "updatedAt" timestamp(3))
LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF ids IS NULL THEN
    EXECUTE format('SELECT coalesce(array_agg(id), ''{}'') FROM %I',
      initcap(kind::text)) INTO ids;
  END IF;
  CASE kind
  WHEN 'CONTACT' THEN RETURN QUERY
    SELECT c.id, c."workspaceId", btrim(c."firstName" || ' ' || c."lastName"),
      concat_ws(' ', c."jobTitle", c.headline, c.location,
        (SELECT string_agg(e.email, ' ') FROM "ContactEmail" e WHERE e."contactId" = c.id)),
      concat_ws(' ', array_to_string(c.skills, ' '), kith_custom_text(c."workspaceId", 'CONTACT', c."customFields")),
      ARRAY(
        SELECT 'email:' || lower(e.email) FROM "ContactEmail" e WHERE e."contactId" = c.id
        UNION SELECT 'domain:' || split_part(lower(e.email), '@', 2) FROM "ContactEmail" e WHERE e."contactId" = c.id
        UNION SELECT k FROM "ContactPhone" p, kith_phone_keys(p.e164) AS k WHERE p."contactId" = c.id
        UNION SELECT 'profile:' || pr."normalizedKey" FROM "ContactProfile" pr WHERE pr."contactId" = c.id),
      c."deletedAt", c."updatedAt"
    FROM "Contact" c WHERE c.id = ANY(ids);
  WHEN 'COMPANY' THEN RETURN QUERY
    SELECT c.id, c."workspaceId", c.name,
      concat_ws(' ', c.domain, c.industry, c.city, c.region, c.country, c.website),
      kith_custom_text(c."workspaceId", 'COMPANY', c."customFields"),
      ARRAY(
        SELECT 'domain:' || c.domain WHERE c.domain IS NOT NULL
        UNION SELECT k FROM kith_phone_keys(c.phone) AS k),
      c."deletedAt", c."updatedAt"
    FROM "Company" c WHERE c.id = ANY(ids);
  WHEN 'DEAL' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", x.name, ''::text, kith_custom_text(x."workspaceId", 'DEAL', x."customFields"), '{}'::text[], x."deletedAt", x."updatedAt"
    FROM "Deal" x WHERE x.id = ANY(ids);
  WHEN 'NOTE' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", kith_first_line(x.body), ''::text, x.body, '{}'::text[], x."deletedAt", x."updatedAt"
    FROM "Note" x WHERE x.id = ANY(ids);
  WHEN 'ACTIVITY' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", x.subject, lower(x.type::text), coalesce(x.body, ''), '{}'::text[], x."deletedAt", x."updatedAt"
    FROM "Activity" x WHERE x.id = ANY(ids);
  WHEN 'COMMUNICATION' THEN RETURN QUERY
    -- A private body is never indexed: its words must not reveal it to members who cannot read it.
    SELECT x.id, x."workspaceId",
      coalesce(nullif(btrim(x.subject), ''), initcap(x.kind::text) || ' ' || coalesce(x."fromAddress", '')),
      concat_ws(' ', x."fromAddress", array_to_string(x."toAddresses", ' '), x.outcome),
      CASE WHEN x."bodyPrivate" THEN '' ELSE coalesce(x.body, '') END,
      ARRAY(SELECT DISTINCT k FROM unnest(array_append(x."toAddresses", x."fromAddress")) AS a, kith_address_keys(a) AS k),
      x."deletedAt", x."updatedAt"
    FROM "Communication" x WHERE x.id = ANY(ids);
  WHEN 'COMMENT' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", kith_first_line(x.body), ''::text, x.body, '{}'::text[], x."deletedAt", x."updatedAt"
    FROM "Comment" x WHERE x.id = ANY(ids);
  WHEN 'FILE' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", x.name, ''::text, ''::text, '{}'::text[], x."deletedAt", x."createdAt"
    FROM "File" x WHERE x.id = ANY(ids);
  WHEN 'FORM' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", x.name, ''::text, ''::text, '{}'::text[], x."deletedAt", x."updatedAt"
    FROM "Form" x WHERE x.id = ANY(ids);
  END CASE;
END $$;

SELECT kith_search_refresh('CONTACT', ARRAY(SELECT id FROM "Contact" WHERE "customFields" <> '{}'::jsonb));
SELECT kith_search_refresh('COMPANY', ARRAY(SELECT id FROM "Company" WHERE "customFields" <> '{}'::jsonb));
SELECT kith_search_refresh('DEAL', ARRAY(SELECT id FROM "Deal" WHERE "customFields" <> '{}'::jsonb));
