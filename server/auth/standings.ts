import { Prisma } from '../generated/prisma/client.js';
import type { RecordPolicy, Role } from '../generated/prisma/enums.js';

/** The viewer's standing in one workspace: role, the workspace's record policy and the viewer's teams there. */
export interface WorkspaceStanding {
  role: Role;
  recordPolicy: RecordPolicy;
  teamIds: string[];
}

export interface StandingRow extends WorkspaceStanding {
  workspaceId: string;
}

/**
 * Every membership of a user with what record visibility needs, as one JSON array. A workspace closed for
 * deletion is reachable by no one. The session statement embeds it, so an authenticated request knows its
 * standings without a second round trip.
 */
export function standingsJsonSql(userId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT coalesce(json_agg(json_build_object(
             'workspaceId', m."workspaceId", 'role', m.role, 'recordPolicy', w."recordPolicy",
             'teamIds', ARRAY(SELECT tm."teamId" FROM "TeamMember" tm JOIN "Team" t ON t.id = tm."teamId"
                              WHERE tm."userId" = m."userId" AND t."workspaceId" = m."workspaceId"))), '[]'::json)
    FROM "Membership" m JOIN "Workspace" w ON w.id = m."workspaceId"
    WHERE m."userId" = ${userId} AND w."closedAt" IS NULL)`;
}

export function standingsMap(rows: StandingRow[]): Map<string, WorkspaceStanding> {
  return new Map(rows.map(({ workspaceId, ...standing }) => [workspaceId, standing]));
}
