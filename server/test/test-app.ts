import { afterAll, beforeEach, expect } from 'vitest';
import { createAppServices, type AppServices, type ServiceOverrides } from '../app-services.js';
import { loadConfig, type Config } from '../config.js';
import type { Database } from '../db/database.js';
import { createKithYoga, type KithYoga } from '../http/yoga.js';
import { openTestDatabase, resetDatabase } from './test-database.js';

export interface GqlResult<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: (string | number)[]; extensions?: { code?: string; [key: string]: unknown } }>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', PUBLIC_URL: 'http://localhost:4000' }), signInSlowdownMs: 0, ...overrides };
}

/** A Kith instance for one test file: real database, real services, in-process HTTP via yoga.fetch. */
export class TestApp {
  services!: AppServices;
  yoga!: KithYoga;
  sqlLog: string[] = [];
  private logging = false;

  constructor(
    public readonly db: Database,
    private readonly overrides: ServiceOverrides & { config?: Partial<Config> } = {},
  ) {
    this.rebuild();
  }

  get prisma() {
    return this.db.prisma;
  }

  /** Fresh services (limiters, throttles) over the same database. */
  rebuild() {
    const { config, ...services } = this.overrides;
    this.services = createAppServices(testConfig(config), this.db, { passwordHashing: 'fast', ...services });
    this.yoga = createKithYoga(this.services);
  }

  recordSql(sql: string) {
    if (this.logging) this.sqlLog.push(sql);
  }

  /** Counts SQL statements run by the database while fn runs. */
  async countSql<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    this.sqlLog = [];
    this.logging = true;
    try {
      const result = await fn();
      return { result, statements: [...this.sqlLog] };
    } finally {
      this.logging = false;
    }
  }

  client(options: { ip?: string } = {}) {
    return new TestClient(this, options.ip ?? '203.0.113.10');
  }
}

export class TestClient {
  cookie: string | null = null;
  workspaceId: string | null = null;
  /** An `Authorization` header value, e.g. `Bearer kith_...` for an API key. */
  authorization: string | null = null;

  constructor(
    private readonly app: TestApp,
    public ip: string,
  ) {}

  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GqlResult<T>> {
    const response = await this.app.yoga.fetch(
      'http://localhost/graphql',
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.cookie ? { cookie: this.cookie } : {}),
          ...(this.authorization ? { authorization: this.authorization } : {}),
          ...(this.workspaceId ? { 'x-workspace-id': this.workspaceId } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      },
      { ip: this.ip },
    );
    this.keepSessionCookie(response.headers.getSetCookie());
    return (await response.json()) as GqlResult<T>;
  }

  /** Like gql, but fails the test on any error and returns data. */
  async ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.gql<T>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  private keepSessionCookie(setCookies: string[]) {
    for (const header of setCookies) {
      const [pair] = header.split(';');
      const [name, value] = (pair ?? '').split('=');
      if (name !== 'kith_session') continue;
      this.cookie = value ? `${name}=${value}` : null;
    }
  }
}

/** Opens this file's database once, resets it before each test, closes it after the file. */
export function useTestApp(overrides: ServiceOverrides & { config?: Partial<Config>; engine?: 'pglite' } = {}) {
  const holder: { app: TestApp } = {} as { app: TestApp };
  let db: Database | null = null;
  beforeEach(async () => {
    if (!db) {
      db = await openTestDatabase((sql) => holder.app?.recordSql(sql), { engine: overrides.engine });
      holder.app = new TestApp(db, overrides);
    }
    await resetDatabase(db);
    holder.app.rebuild();
  });
  afterAll(async () => {
    await db?.close();
  });
  return () => holder.app;
}

export function errorCodes(result: GqlResult): (string | undefined)[] {
  return (result.errors ?? []).map((e) => e.extensions?.code);
}

export type Attempt = [query: string, variables?: Record<string, unknown>];

/** Each attempt by `client` answers `code`, and `state()` reads the same after them as before: nothing was written. */
export async function expectRefusals(state: () => Promise<unknown>, client: TestClient, code: string, ...attempts: Attempt[]) {
  const before = await state();
  for (const [query, variables] of attempts) expect(errorCodes(await client.gql(query, variables))).toEqual([code]);
  expect(await state()).toEqual(before);
}

/** Asserts a refusal with BAD_USER_INPUT that names the offending input field. */
export function expectBadInput(result: GqlResult, field: string) {
  expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  expect(result.errors?.[0]?.extensions?.field).toBe(field);
}

/**
 * Reads a page after `seed(...small)` and again after `seed(...large)`, asserts that both reads take as many SQL
 * statements (no N+1), and answers the second read with its statements.
 */
export async function sameStatementCount<T, A extends unknown[]>(
  app: TestApp,
  read: () => Promise<T>,
  seed: (...args: A) => Promise<unknown>,
  small: A,
  large: A,
) {
  await seed(...small);
  const before = await app.countSql(read);
  await seed(...large);
  const after = await app.countSql(read);
  expect(after.statements.length).toBe(before.statements.length);
  return after;
}
