-- DropIndex
DROP INDEX "Company_workspaceId_deletedAt_name_idx";

-- DropIndex
DROP INDEX "Contact_workspaceId_deletedAt_lastName_firstName_idx";

-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "sortName" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "sortName" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Deal" ADD COLUMN     "sortName" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Company_workspaceId_deletedAt_sortName_idx" ON "Company"("workspaceId", "deletedAt", "sortName");

-- CreateIndex
CREATE INDEX "Contact_workspaceId_deletedAt_sortName_idx" ON "Contact"("workspaceId", "deletedAt", "sortName");

-- Sort keys: case-folded so that "alpha" sorts next to "Alpha", maintained here so every writer gets them.
CREATE FUNCTION kith_set_name_sort_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."sortName" := lower(NEW."name");
  RETURN NEW;
END $$;

CREATE FUNCTION kith_set_person_sort_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."sortName" := lower(btrim(NEW."lastName" || ' ' || NEW."firstName"));
  RETURN NEW;
END $$;

CREATE TRIGGER "Company_sortName" BEFORE INSERT OR UPDATE OF "name" ON "Company"
  FOR EACH ROW EXECUTE FUNCTION kith_set_name_sort_key();
CREATE TRIGGER "Deal_sortName" BEFORE INSERT OR UPDATE OF "name" ON "Deal"
  FOR EACH ROW EXECUTE FUNCTION kith_set_name_sort_key();
CREATE TRIGGER "Contact_sortName" BEFORE INSERT OR UPDATE OF "firstName", "lastName" ON "Contact"
  FOR EACH ROW EXECUTE FUNCTION kith_set_person_sort_key();
