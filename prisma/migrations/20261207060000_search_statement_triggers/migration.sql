-- Search documents follow their records per statement instead of per row. A statement that writes many rows
-- (createMany, updateMany, an import or seed batch) refreshes all their documents in one set-wise pass, read
-- from the statement's transition tables; a one-row write costs what it did.
--
-- A transaction that writes records and their emails, phones and profiles in bulk may also SET LOCAL
-- kith.search_deferred = 'on' and refresh the documents of what it wrote once, at its end
-- (server/modules/search/search-documents.ts): otherwise each detail table's statement rewrites the same
-- contacts' documents again. Deletions are never deferred: an erased record's document goes with it.

-- kith_search_source read `ids IS NULL OR id = ANY(ids)`, which a cached generic plan answers by scanning the
-- whole table on every call. NULL (every record of the kind) is now turned into the list of ids first, so the
-- statement is always an index lookup.
CREATE OR REPLACE FUNCTION kith_search_source(kind "SearchEntityType", ids uuid[])
RETURNS TABLE (id uuid, "workspaceId" uuid, title text, details text, body text, keys text[], "deletedAt" timestamp(3))
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
      array_to_string(c.skills, ' '),
      ARRAY(
        SELECT 'email:' || lower(e.email) FROM "ContactEmail" e WHERE e."contactId" = c.id
        UNION SELECT 'domain:' || split_part(lower(e.email), '@', 2) FROM "ContactEmail" e WHERE e."contactId" = c.id
        UNION SELECT k FROM "ContactPhone" p, kith_phone_keys(p.e164) AS k WHERE p."contactId" = c.id
        UNION SELECT 'profile:' || pr."normalizedKey" FROM "ContactProfile" pr WHERE pr."contactId" = c.id),
      c."deletedAt"
    FROM "Contact" c WHERE c.id = ANY(ids);
  WHEN 'COMPANY' THEN RETURN QUERY
    SELECT c.id, c."workspaceId", c.name,
      concat_ws(' ', c.domain, c.industry, c.city, c.region, c.country, c.website),
      ''::text,
      ARRAY(
        SELECT 'domain:' || c.domain WHERE c.domain IS NOT NULL
        UNION SELECT k FROM kith_phone_keys(c.phone) AS k),
      c."deletedAt"
    FROM "Company" c WHERE c.id = ANY(ids);
  WHEN 'DEAL' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", x.name, ''::text, ''::text, '{}'::text[], x."deletedAt"
    FROM "Deal" x WHERE x.id = ANY(ids);
  WHEN 'NOTE' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", kith_first_line(x.body), ''::text, x.body, '{}'::text[], x."deletedAt"
    FROM "Note" x WHERE x.id = ANY(ids);
  WHEN 'ACTIVITY' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", x.subject, lower(x.type::text), coalesce(x.body, ''), '{}'::text[], x."deletedAt"
    FROM "Activity" x WHERE x.id = ANY(ids);
  WHEN 'COMMUNICATION' THEN RETURN QUERY
    -- A private body is never indexed: its words must not reveal it to members who cannot read it.
    SELECT x.id, x."workspaceId",
      coalesce(nullif(btrim(x.subject), ''), initcap(x.kind::text) || ' ' || coalesce(x."fromAddress", '')),
      concat_ws(' ', x."fromAddress", array_to_string(x."toAddresses", ' '), x.outcome),
      CASE WHEN x."bodyPrivate" THEN '' ELSE coalesce(x.body, '') END,
      ARRAY(SELECT DISTINCT k FROM unnest(array_append(x."toAddresses", x."fromAddress")) AS a, kith_address_keys(a) AS k),
      x."deletedAt"
    FROM "Communication" x WHERE x.id = ANY(ids);
  WHEN 'COMMENT' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", kith_first_line(x.body), ''::text, x.body, '{}'::text[], x."deletedAt"
    FROM "Comment" x WHERE x.id = ANY(ids);
  WHEN 'FILE' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", x.name, ''::text, ''::text, '{}'::text[], x."deletedAt"
    FROM "File" x WHERE x.id = ANY(ids);
  WHEN 'FORM' THEN RETURN QUERY
    SELECT x.id, x."workspaceId", x.name, ''::text, ''::text, '{}'::text[], x."deletedAt"
    FROM "Form" x WHERE x.id = ANY(ids);
  END CASE;
END $$;

CREATE FUNCTION kith_search_deferred() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('kith.search_deferred', true), '') = 'on'
$$;

CREATE FUNCTION kith_search_on_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchDocument" d USING old_rows o WHERE d.id = o.id;
  ELSIF NOT kith_search_deferred() THEN
    PERFORM kith_search_refresh(TG_ARGV[0]::"SearchEntityType", ARRAY(SELECT n.id FROM new_rows n));
  END IF;
  RETURN NULL;
END $$;

-- Emails, phones and profiles live in their own tables: a change there rewrites the contacts' documents. Details
-- deleted together with their contact (its deletion cascading, a workspace purge) have no document left.
CREATE FUNCTION kith_search_on_contact_details() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  contact_ids uuid[];
BEGIN
  IF kith_search_deferred() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    contact_ids := ARRAY(SELECT DISTINCT n."contactId" FROM new_rows n);
  ELSIF TG_OP = 'UPDATE' THEN
    contact_ids := ARRAY(SELECT n."contactId" FROM new_rows n UNION SELECT o."contactId" FROM old_rows o);
  ELSE
    contact_ids := ARRAY(SELECT DISTINCT o."contactId" FROM old_rows o JOIN "Contact" c ON c.id = o."contactId");
  END IF;
  IF cardinality(contact_ids) > 0 THEN PERFORM kith_search_refresh('CONTACT', contact_ids); END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE
  record_tables text[] := ARRAY['Contact', 'Company', 'Deal', 'Note', 'Activity', 'Communication', 'Comment', 'File', 'Form'];
  detail_tables text[] := ARRAY['ContactEmail', 'ContactPhone', 'ContactProfile'];
  t text;
BEGIN
  FOREACH t IN ARRAY record_tables LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', t || '_search', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kith_search_on_records(%L)', t || '_search_insert', t, upper(t));
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kith_search_on_records(%L)', t || '_search_update', t, upper(t));
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kith_search_on_records(%L)', t || '_search_delete', t, upper(t));
  END LOOP;
  FOREACH t IN ARRAY detail_tables LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', t || '_search', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kith_search_on_contact_details()', t || '_search_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kith_search_on_contact_details()', t || '_search_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kith_search_on_contact_details()', t || '_search_delete', t);
  END LOOP;
END $$;

DROP FUNCTION kith_search_on_record();
DROP FUNCTION kith_search_on_contact_detail();
