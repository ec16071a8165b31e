-- CreateEnum
CREATE TYPE "UsageKind" AS ENUM ('API_CALL', 'FEATURE', 'PAGE_VIEW', 'SESSION_START', 'SESSION_END');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "analyticsOptOut" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "UsageEvent" (
    "id" UUID NOT NULL,
    "workspaceId" UUID,
    "userId" UUID,
    "apiKeyId" UUID,
    "kind" "UsageKind" NOT NULL,
    "name" TEXT NOT NULL,
    "durationMs" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'ok',
    "ip" TEXT,
    "browser" TEXT,
    "os" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsageEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UsageEvent_workspaceId_createdAt_idx" ON "UsageEvent"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "UsageEvent_userId_createdAt_idx" ON "UsageEvent"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "UsageEvent_createdAt_idx" ON "UsageEvent"("createdAt");

-- AddForeignKey
ALTER TABLE "UsageEvent" ADD CONSTRAINT "UsageEvent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageEvent" ADD CONSTRAINT "UsageEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Session start and end as usage events (security logs: recorded whatever the user's analytics choice).
-- A trigger sees every way a session ends: sign-out, revoke, sign-out everywhere, the expiry sweep.
-- Timestamps are UTC like Prisma's. Sessions removed together with their user (hard delete) leave no event.
CREATE FUNCTION kith_usage_session_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "UsageEvent" ("id", "userId", "kind", "name", "ip", "createdAt")
    VALUES (gen_random_uuid(), NEW."userId", 'SESSION_START', 'signed_in', NEW."ipAddress", NEW."createdAt");
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM "User" WHERE "id" = OLD."userId") THEN
    INSERT INTO "UsageEvent" ("id", "userId", "kind", "name", "durationMs", "ip", "createdAt")
    VALUES (gen_random_uuid(), OLD."userId", 'SESSION_END',
            CASE WHEN OLD."expiresAt" <= (now() AT TIME ZONE 'UTC') THEN 'expired' ELSE 'signed_out' END,
            LEAST(EXTRACT(EPOCH FROM ((now() AT TIME ZONE 'UTC') - OLD."createdAt")) * 1000, 2147483647)::integer,
            OLD."ipAddress", now() AT TIME ZONE 'UTC');
  END IF;
  RETURN OLD;
END $$;

CREATE TRIGGER "Session_usage_start" AFTER INSERT ON "Session" FOR EACH ROW EXECUTE FUNCTION kith_usage_session_event();
CREATE TRIGGER "Session_usage_end" AFTER DELETE ON "Session" FOR EACH ROW EXECUTE FUNCTION kith_usage_session_event();
