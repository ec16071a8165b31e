-- An email, phone or profile deleted together with its contact (the contact's own deletion cascading, or a
-- workspace purge) has no search document left to rewrite. Rewriting it anyway ran kith_search_source on a
-- generic plan that scans every contact, once per detail row: ~5 ms a row, hours for a large workspace.
CREATE OR REPLACE FUNCTION kith_search_on_contact_detail() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM "Contact" WHERE id = OLD."contactId") THEN
    PERFORM kith_search_refresh('CONTACT', ARRAY[OLD."contactId"]);
  END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM kith_search_refresh('CONTACT', ARRAY[NEW."contactId"]); END IF;
  RETURN NULL;
END $$;
