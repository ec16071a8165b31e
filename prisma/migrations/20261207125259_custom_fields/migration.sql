-- CreateEnum
CREATE TYPE "CustomFieldEntity" AS ENUM ('CONTACT', 'COMPANY', 'DEAL');

-- CreateEnum
CREATE TYPE "CustomFieldType" AS ENUM ('TEXT', 'LONG_TEXT', 'NUMBER', 'CURRENCY', 'DATE', 'DATETIME', 'CHECKBOX', 'SELECT', 'MULTI_SELECT', 'URL', 'EMAIL', 'PHONE', 'MEMBER');

-- CreateTable
CREATE TABLE "CustomField" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "entity" "CustomFieldEntity" NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "helpText" TEXT NOT NULL DEFAULT '',
    "type" "CustomFieldType" NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "unique" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "options" JSONB NOT NULL DEFAULT '[]',
    "archivedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomField_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CustomField_workspaceId_entity_position_idx" ON "CustomField"("workspaceId", "entity", "position");

-- CreateIndex
CREATE UNIQUE INDEX "CustomField_workspaceId_entity_key_key" ON "CustomField"("workspaceId", "entity", "key");

-- CreateIndex
CREATE INDEX "Company_customFields_idx" ON "Company" USING GIN ("customFields" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "Contact_customFields_idx" ON "Contact" USING GIN ("customFields" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "Deal_customFields_idx" ON "Deal" USING GIN ("customFields" jsonb_path_ops);

-- AddForeignKey
ALTER TABLE "CustomField" ADD CONSTRAINT "CustomField_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing bag keys become field definitions, one per workspace, entity and key: NUMBER or CHECKBOX when every
-- stored value is a JSON number or boolean, TEXT otherwise (other scalars are rewritten as their text).
CREATE TEMP TABLE "_bag_keys" AS
SELECT "workspaceId", 'CONTACT'::"CustomFieldEntity" AS entity, e.key, jsonb_typeof(e.value) AS kind
  FROM "Contact" r, jsonb_each(r."customFields") e WHERE jsonb_typeof(r."customFields") = 'object' AND jsonb_typeof(e.value) <> 'null'
UNION ALL
SELECT "workspaceId", 'COMPANY', e.key, jsonb_typeof(e.value)
  FROM "Company" r, jsonb_each(r."customFields") e WHERE jsonb_typeof(r."customFields") = 'object' AND jsonb_typeof(e.value) <> 'null'
UNION ALL
SELECT "workspaceId", 'DEAL', e.key, jsonb_typeof(e.value)
  FROM "Deal" r, jsonb_each(r."customFields") e WHERE jsonb_typeof(r."customFields") = 'object' AND jsonb_typeof(e.value) <> 'null';

INSERT INTO "CustomField" ("id", "workspaceId", "entity", "key", "label", "type", "position", "updatedAt")
SELECT gen_random_uuid(), "workspaceId", entity, key, key,
       CASE WHEN bool_and(kind = 'number') THEN 'NUMBER'::"CustomFieldType"
            WHEN bool_and(kind = 'boolean') THEN 'CHECKBOX'::"CustomFieldType"
            ELSE 'TEXT'::"CustomFieldType" END,
       (row_number() OVER (PARTITION BY "workspaceId", entity ORDER BY key) - 1)::int, CURRENT_TIMESTAMP
  FROM "_bag_keys" GROUP BY "workspaceId", entity, key;

-- TEXT fields hold strings: numbers, booleans, arrays and objects under them become their JSON text.
UPDATE "Contact" r SET "customFields" = (
  SELECT jsonb_object_agg(e.key, CASE WHEN f."type" = 'TEXT' AND jsonb_typeof(e.value) <> 'string' THEN to_jsonb(e.value #>> '{}') ELSE e.value END)
    FROM jsonb_each(r."customFields") e
    LEFT JOIN "CustomField" f ON f."workspaceId" = r."workspaceId" AND f.entity = 'CONTACT' AND f.key = e.key)
 WHERE r."customFields" <> '{}'::jsonb AND jsonb_typeof(r."customFields") = 'object';
UPDATE "Company" r SET "customFields" = (
  SELECT jsonb_object_agg(e.key, CASE WHEN f."type" = 'TEXT' AND jsonb_typeof(e.value) <> 'string' THEN to_jsonb(e.value #>> '{}') ELSE e.value END)
    FROM jsonb_each(r."customFields") e
    LEFT JOIN "CustomField" f ON f."workspaceId" = r."workspaceId" AND f.entity = 'COMPANY' AND f.key = e.key)
 WHERE r."customFields" <> '{}'::jsonb AND jsonb_typeof(r."customFields") = 'object';
UPDATE "Deal" r SET "customFields" = (
  SELECT jsonb_object_agg(e.key, CASE WHEN f."type" = 'TEXT' AND jsonb_typeof(e.value) <> 'string' THEN to_jsonb(e.value #>> '{}') ELSE e.value END)
    FROM jsonb_each(r."customFields") e
    LEFT JOIN "CustomField" f ON f."workspaceId" = r."workspaceId" AND f.entity = 'DEAL' AND f.key = e.key)
 WHERE r."customFields" <> '{}'::jsonb AND jsonb_typeof(r."customFields") = 'object';

DROP TABLE "_bag_keys";
