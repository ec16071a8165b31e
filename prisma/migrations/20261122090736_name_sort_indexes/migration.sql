-- DropIndex
DROP INDEX "Company_workspaceId_deletedAt_sortName_id_idx";

-- DropIndex
DROP INDEX "Contact_workspaceId_deletedAt_sortName_id_idx";

-- CreateIndex
CREATE INDEX "Company_workspaceId_sortName_id_idx" ON "Company"("workspaceId", "sortName", "id");

-- CreateIndex
CREATE INDEX "Contact_workspaceId_sortName_id_idx" ON "Contact"("workspaceId", "sortName", "id");

-- CreateIndex
CREATE INDEX "Deal_workspaceId_sortName_id_idx" ON "Deal"("workspaceId", "sortName", "id");
