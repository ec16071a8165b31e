import type { DatabaseSession, DatabaseUser } from 'lucia';

/** How long a validated session is remembered outside tests: the longest another instance may lag a revocation. */
export const SESSION_CACHE_MS = 1000;
const MAX_ENTRIES = 10_000;

type Entry = { at: number; session: Omit<DatabaseSession, 'id'>; user: DatabaseUser };

/**
 * The session statement's answer (session, user, workspace standings) kept for a moment per session hash:
 * every authenticated request ran that statement, and its round trip was most of an authenticated request.
 * This process forgets an entry when lucia updates or deletes the session, and everything after each
 * mutation (which may change memberships, roles, teams or the user); changes made elsewhere (another
 * instance, a job) are seen within `ttlMs`. A ttl of 0 turns it off (the test suite's default).
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every forget and clear: an answer read before one is not kept (it may predate the change). */
  private generation = 0;

  constructor(
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(hash: string, sessionId: string): [DatabaseSession, DatabaseUser] | null {
    const entry = this.entries.get(hash);
    if (!entry) return null;
    if (this.now() - entry.at >= this.ttlMs) {
      this.entries.delete(hash);
      return null;
    }
    // Copies: lucia and the request context build on these objects.
    return [
      { ...entry.session, id: sessionId },
      { ...entry.user, attributes: { ...entry.user.attributes } },
    ];
  }

  /** Take before reading the database; pass to `set` with what was read. */
  mark(): number {
    return this.generation;
  }

  set(mark: number, hash: string, session: DatabaseSession, user: DatabaseUser) {
    if (this.ttlMs <= 0 || mark !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    const { id: _id, ...rest } = session;
    this.entries.set(hash, { at: this.now(), session: rest, user });
  }

  forget(hash: string) {
    this.generation += 1;
    this.entries.delete(hash);
  }

  clear() {
    this.generation += 1;
    this.entries.clear();
  }
}
