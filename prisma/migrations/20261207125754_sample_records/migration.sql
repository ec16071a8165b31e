-- CreateTable
CREATE TABLE "SampleRecord" (
    "recordId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "tableName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SampleRecord_pkey" PRIMARY KEY ("recordId")
);

-- CreateIndex
CREATE INDEX "SampleRecord_workspaceId_tableName_idx" ON "SampleRecord"("workspaceId", "tableName");

-- AddForeignKey
ALTER TABLE "SampleRecord" ADD CONSTRAINT "SampleRecord_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
