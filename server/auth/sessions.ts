import { Lucia, TimeSpan, type Adapter, type DatabaseSession } from 'lucia';
import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import { standingsJsonSql, type StandingRow } from './standings.js';
import { hashToken } from './tokens.js';

interface SessionRow {
  id: string;
  userId: string;
  expiresAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
}

interface SessionWithUserRow extends SessionRow {
  email: string;
  name: string;
  emailVerifiedAt: Date | null;
  standings: StandingRow[];
}

const toDatabaseSession = (row: SessionRow): DatabaseSession => ({
  id: row.id,
  userId: row.userId,
  expiresAt: row.expiresAt,
  attributes: { ipAddress: row.ipAddress, userAgent: row.userAgent },
});

/** Lucia adapter that keeps only SHA-256 hashes of session ids, so a database leak yields no live sessions. */
export function createSessionAdapter(prisma: PrismaClient): Adapter {
  return {
    async getSessionAndUser(sessionId) {
      // One statement, with the user's workspace standings: this runs on every authenticated request.
      const [row] = await prisma.$queryRaw<SessionWithUserRow[]>`
        SELECT s.id, s."userId"::text AS "userId", s."expiresAt", s."ipAddress", s."userAgent",
               u.email, u.name, u."emailVerifiedAt", ${standingsJsonSql(Prisma.sql`u.id`)} AS standings
        FROM "Session" s JOIN "User" u ON u.id = s."userId"
        WHERE s.id = ${await hashToken(sessionId)} AND u."deletedAt" IS NULL`;
      if (!row) return [null, null];
      const { email, name, emailVerifiedAt, standings, ...session } = row;
      return [
        { ...toDatabaseSession(session), id: sessionId },
        { id: session.userId, attributes: { email, name, emailVerifiedAt, standings } },
      ];
    },
    async getUserSessions(userId) {
      const rows = await prisma.session.findMany({ where: { userId } });
      return rows.map(toDatabaseSession);
    },
    async setSession(session) {
      await prisma.session.create({
        data: {
          id: await hashToken(session.id),
          userId: session.userId,
          expiresAt: session.expiresAt,
          ipAddress: session.attributes.ipAddress,
          userAgent: session.attributes.userAgent,
        },
      });
    },
    async updateSessionExpiration(sessionId, expiresAt) {
      await prisma.session.updateMany({ where: { id: await hashToken(sessionId) }, data: { expiresAt } });
    },
    async deleteSession(sessionId) {
      await prisma.session.deleteMany({ where: { id: await hashToken(sessionId) } });
    },
    async deleteUserSessions(userId) {
      await prisma.session.deleteMany({ where: { userId } });
    },
    async deleteExpiredSessions() {
      await prisma.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
    },
  };
}

export const SESSION_COOKIE = 'kith_session';

export function createLucia(prisma: PrismaClient, options: { secureCookies: boolean }) {
  return new Lucia(createSessionAdapter(prisma), {
    sessionExpiresIn: new TimeSpan(30, 'd'),
    sessionCookie: {
      name: SESSION_COOKIE,
      attributes: { secure: options.secureCookies, sameSite: 'lax' },
    },
    getUserAttributes: (attributes) => attributes,
    getSessionAttributes: (attributes) => attributes,
  });
}

export type Auth = ReturnType<typeof createLucia>;

declare module 'lucia' {
  interface Register {
    Lucia: Auth;
    UserId: string;
    /** `standings` only when the user came with a session (see request-context.ts, which takes them off). */
    DatabaseUserAttributes: { email: string; name: string; emailVerifiedAt: Date | null; standings?: StandingRow[] };
    DatabaseSessionAttributes: { ipAddress: string | null; userAgent: string | null };
  }
}
