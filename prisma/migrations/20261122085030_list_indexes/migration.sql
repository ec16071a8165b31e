-- DropIndex
DROP INDEX "Company_workspaceId_deletedAt_sortName_idx";

-- DropIndex
DROP INDEX "Contact_workspaceId_deletedAt_sortName_idx";

-- CreateIndex
CREATE INDEX "Company_workspaceId_deletedAt_sortName_id_idx" ON "Company"("workspaceId", "deletedAt", "sortName", "id");

-- CreateIndex
CREATE INDEX "Contact_workspaceId_deletedAt_sortName_id_idx" ON "Contact"("workspaceId", "deletedAt", "sortName", "id");
