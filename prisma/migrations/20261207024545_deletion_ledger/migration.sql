-- CreateEnum
CREATE TYPE "DeletionKind" AS ENUM ('WORKSPACE', 'ACCOUNT', 'CONTACT');

-- CreateTable
CREATE TABLE "DeletionLedger" (
    "id" UUID NOT NULL,
    "kind" "DeletionKind" NOT NULL,
    "subjectId" UUID NOT NULL,
    "subjectWorkspaceId" UUID,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeletionLedger_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeletionLedger_kind_subjectId_key" ON "DeletionLedger"("kind", "subjectId");
