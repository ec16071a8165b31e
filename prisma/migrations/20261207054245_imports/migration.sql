-- CreateEnum
CREATE TYPE "ImportEntity" AS ENUM ('CONTACT', 'COMPANY');

-- CreateEnum
CREATE TYPE "ImportSourceKind" AS ENUM ('CSV', 'VCARD');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('UPLOADED', 'QUEUED', 'RUNNING', 'DONE', 'FAILED', 'UNDONE');

-- CreateEnum
CREATE TYPE "ImportDedupeMode" AS ENUM ('SKIP', 'UPDATE', 'FILL_EMPTY', 'CREATE_ANYWAY');

-- CreateEnum
CREATE TYPE "ImportAction" AS ENUM ('CREATED', 'UPDATED');

-- CreateTable
CREATE TABLE "Import" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "createdById" UUID,
    "fileName" TEXT NOT NULL,
    "storageKey" TEXT,
    "byteSize" BIGINT NOT NULL,
    "sourceKind" "ImportSourceKind" NOT NULL,
    "encoding" TEXT NOT NULL,
    "delimiter" TEXT NOT NULL,
    "headers" TEXT[],
    "recognised" TEXT,
    "entity" "ImportEntity" NOT NULL DEFAULT 'CONTACT',
    "columns" JSONB NOT NULL DEFAULT '[]',
    "dedupeMode" "ImportDedupeMode" NOT NULL DEFAULT 'SKIP',
    "visibility" "RecordVisibility" NOT NULL DEFAULT 'WORKSPACE',
    "status" "ImportStatus" NOT NULL DEFAULT 'UPLOADED',
    "checkpoint" INTEGER NOT NULL DEFAULT 0,
    "rowsRead" INTEGER NOT NULL DEFAULT 0,
    "createdCount" INTEGER NOT NULL DEFAULT 0,
    "updatedCount" INTEGER NOT NULL DEFAULT 0,
    "skippedCount" INTEGER NOT NULL DEFAULT 0,
    "failedCount" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "undoneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportedRecord" (
    "importId" UUID NOT NULL,
    "recordId" UUID NOT NULL,
    "entity" "ImportEntity" NOT NULL,
    "action" "ImportAction" NOT NULL,
    "before" JSONB,
    "writtenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportedRecord_pkey" PRIMARY KEY ("importId","recordId")
);

-- CreateTable
CREATE TABLE "ImportFailure" (
    "importId" UUID NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "cells" TEXT[],

    CONSTRAINT "ImportFailure_pkey" PRIMARY KEY ("importId","rowNumber")
);

-- CreateTable
CREATE TABLE "ImportMappingPreset" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "entity" "ImportEntity" NOT NULL,
    "columns" JSONB NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportMappingPreset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Import_workspaceId_createdAt_idx" ON "Import"("workspaceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ImportMappingPreset_workspaceId_name_key" ON "ImportMappingPreset"("workspaceId", "name");

-- AddForeignKey
ALTER TABLE "Import" ADD CONSTRAINT "Import_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportedRecord" ADD CONSTRAINT "ImportedRecord_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportFailure" ADD CONSTRAINT "ImportFailure_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportMappingPreset" ADD CONSTRAINT "ImportMappingPreset_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
