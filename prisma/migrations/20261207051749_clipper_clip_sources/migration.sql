-- CreateEnum
CREATE TYPE "ClipSite" AS ENUM ('LINKEDIN', 'UPWORK', 'DJINNI');

-- CreateTable
CREATE TABLE "ClipSource" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "site" "ClipSite" NOT NULL,
    "url" TEXT NOT NULL,
    "clippedById" UUID,
    "clippedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fieldsWritten" TEXT[],

    CONSTRAINT "ClipSource_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClipSource_contactId_clippedAt_idx" ON "ClipSource"("contactId", "clippedAt");

-- CreateIndex
CREATE INDEX "ClipSource_workspaceId_idx" ON "ClipSource"("workspaceId");

-- AddForeignKey
ALTER TABLE "ClipSource" ADD CONSTRAINT "ClipSource_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClipSource" ADD CONSTRAINT "ClipSource_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClipSource" ADD CONSTRAINT "ClipSource_clippedById_fkey" FOREIGN KEY ("clippedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
