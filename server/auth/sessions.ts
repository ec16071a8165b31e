import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from 'lucia';
import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import { SessionCache } from './session-cache.js';
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
export function createSessionAdapter(prisma: PrismaClient, cache = new SessionCache(0)): Adapter {
  return {
    async getSessionAndUser(sessionId) {
      const hash = hashToken(sessionId);
      const cached = cache.get(hash, sessionId);
      if (cached) return cached;
      const mark = cache.mark();
      // One statement, with the user's workspace standings: this runs on every authenticated request not cached.
      const [row] = await prisma.$queryRaw<SessionWithUserRow[]>`
        SELECT s.id, s."userId"::text AS "userId", s."expiresAt", s."ipAddress", s."userAgent",
               u.email, u.name, u."emailVerifiedAt", ${standingsJsonSql(Prisma.sql`u.id`)} AS standings
        FROM "Session" s JOIN "User" u ON u.id = s."userId"
        WHERE s.id = ${hash} AND u."deletedAt" IS NULL`;
      if (!row) return [null, null];
      const { email, name, emailVerifiedAt, standings, ...session } = row;
      const found: [DatabaseSession, DatabaseUser] = [
        { ...toDatabaseSession(session), id: sessionId },
        { id: session.userId, attributes: { email, name, emailVerifiedAt, standings } },
      ];
      cache.set(mark, hash, ...found);
      return found;
    },
    async getUserSessions(userId) {
      const rows = await prisma.session.findMany({ where: { userId } });
      return rows.map(toDatabaseSession);
    },
    async setSession(session) {
      await prisma.session.create({
        data: {
          id: hashToken(session.id),
          userId: session.userId,
          expiresAt: session.expiresAt,
          ipAddress: session.attributes.ipAddress,
          userAgent: session.attributes.userAgent,
        },
      });
    },
    async updateSessionExpiration(sessionId, expiresAt) {
      const hash = hashToken(sessionId);
      cache.forget(hash);
      await prisma.session.updateMany({ where: { id: hash }, data: { expiresAt } });
    },
    async deleteSession(sessionId) {
      const hash = hashToken(sessionId);
      cache.forget(hash);
      await prisma.session.deleteMany({ where: { id: hash } });
    },
    async deleteUserSessions(userId) {
      cache.clear();
      await prisma.session.deleteMany({ where: { userId } });
    },
    async deleteExpiredSessions() {
      await prisma.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
    },
  };
}

export const SESSION_COOKIE = 'kith_session';

export function createLucia(prisma: PrismaClient, options: { secureCookies: boolean; cache?: SessionCache }) {
  return new Lucia(createSessionAdapter(prisma, options.cache), {
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
