-- CreateTable
CREATE TABLE "ActivityEvent" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "actorUserId" UUID,
    "actorApiKeyId" UUID,
    "verb" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActivityEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivitySequence" (
    "workspaceId" UUID NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ActivitySequence_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateIndex
CREATE INDEX "ActivityEvent_workspaceId_entityType_entityId_sequence_idx" ON "ActivityEvent"("workspaceId", "entityType", "entityId", "sequence");

-- CreateIndex
CREATE INDEX "ActivityEvent_workspaceId_actorUserId_sequence_idx" ON "ActivityEvent"("workspaceId", "actorUserId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityEvent_workspaceId_sequence_key" ON "ActivityEvent"("workspaceId", "sequence");

-- AddForeignKey
ALTER TABLE "ActivityEvent" ADD CONSTRAINT "ActivityEvent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivitySequence" ADD CONSTRAINT "ActivitySequence_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
