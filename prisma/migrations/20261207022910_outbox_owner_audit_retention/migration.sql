-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "userId" UUID,
ADD COLUMN     "workspaceId" UUID;

-- CreateIndex
CREATE INDEX "OutboxEmail_createdAt_idx" ON "OutboxEmail"("createdAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_workspaceId_idx" ON "OutboxEmail"("workspaceId");

-- CreateIndex
CREATE INDEX "OutboxEmail_userId_idx" ON "OutboxEmail"("userId");

-- The audit log stays append-only, with one exception for retention: an update may clear the network data
-- (IP address, user agent) of an entry and change nothing else.
CREATE OR REPLACE FUNCTION audit_log_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.ip IS NULL AND NEW."userAgent" IS NULL
     AND (NEW.id, NEW."workspaceId", NEW."actorUserId", NEW."actorApiKeyId", NEW.action, NEW."targetType", NEW."targetId", NEW.details, NEW."createdAt")
         IS NOT DISTINCT FROM
         (OLD.id, OLD."workspaceId", OLD."actorUserId", OLD."actorApiKeyId", OLD.action, OLD."targetType", OLD."targetId", OLD.details, OLD."createdAt")
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'The audit log is append-only';
END $$;

-- The retention sweep reads old entries by age across all workspaces.
CREATE INDEX "AuditLogEntry_createdAt_idx" ON "AuditLogEntry"("createdAt");
