-- DropForeignKey
ALTER TABLE "DealStageChange" DROP CONSTRAINT "DealStageChange_toStageId_fkey";

-- AlterTable
ALTER TABLE "DealStageChange" ADD COLUMN     "fromStageName" TEXT,
ADD COLUMN     "toStageName" TEXT NOT NULL DEFAULT '',
ALTER COLUMN "toStageId" DROP NOT NULL;

-- AddForeignKey
ALTER TABLE "DealStageChange" ADD CONSTRAINT "DealStageChange_toStageId_fkey" FOREIGN KEY ("toStageId") REFERENCES "PipelineStage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill the stage names of existing history from the stages that still exist.
UPDATE "DealStageChange" AS c SET "fromStageName" = s."name" FROM "PipelineStage" AS s WHERE s."id" = c."fromStageId";
UPDATE "DealStageChange" AS c SET "toStageName" = s."name" FROM "PipelineStage" AS s WHERE s."id" = c."toStageId";
