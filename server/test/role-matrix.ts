// Shared vocabulary for role-matrix cases. Each module lists its cases in a `*.matrix.ts` file;
// server/auth/role-matrix.test.ts runs them all and checks that every root field has one.
import { KEY_ROLES, type Actor, type KeyActor, type PersonActor, type RolesFixture } from './fixtures.js';
import type { GqlResult, TestApp } from './test-app.js';

export type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'NOT_CONFIGURED';
export type Matrix = Record<PersonActor, Outcome>;

export interface MatrixCase {
  /** The root field the case exercises. */
  field: string;
  kind: 'query' | 'mutation';
  run: (app: TestApp, f: RolesFixture, actor: Actor) => Promise<GqlResult>;
  expect: Matrix;
  /**
   * API keys act exactly like the member who created them (same role); a case sets this only where a key
   * must differ, e.g. account-level actions that belong to a person with a session.
   */
  keys?: Outcome;
}

export const ACTORS: PersonActor[] = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER', 'OUTSIDER', 'ANONYMOUS'];
export const KEY_ACTORS = Object.keys(KEY_ROLES) as KeyActor[];

/** The outcome a case expects for any actor, API keys included. */
export function expectedOutcome(testCase: MatrixCase, actor: Actor): Outcome {
  if (actor in KEY_ROLES) return testCase.keys ?? testCase.expect[KEY_ROLES[actor as KeyActor]];
  return testCase.expect[actor as PersonActor];
}
export const everyone = (outcome: Outcome): Matrix => ({
  OWNER: outcome,
  ADMIN: outcome,
  MEMBER: outcome,
  VIEWER: outcome,
  OUTSIDER: outcome,
  ANONYMOUS: outcome,
});
export const signedIn = (outcome: Outcome): Matrix => ({ ...everyone(outcome), ANONYMOUS: 'UNAUTHENTICATED' });
/** Outcomes for the four Acme roles; the outsider (using Acme IDs) gets NOT_FOUND, anonymous UNAUTHENTICATED. */
export const byRole = (owner: Outcome, admin: Outcome, member: Outcome, viewer: Outcome): Matrix => ({
  OWNER: owner,
  ADMIN: admin,
  MEMBER: member,
  VIEWER: viewer,
  OUTSIDER: 'NOT_FOUND',
  ANONYMOUS: 'UNAUTHENTICATED',
});
/** Readers: every Acme role. */
export const readers = () => byRole('ok', 'ok', 'ok', 'ok');
/** Writers: MEMBER and above; VIEWER is FORBIDDEN. */
export const writers = () => byRole('ok', 'ok', 'ok', 'FORBIDDEN');
/** Admins: OWNER and ADMIN; MEMBER and VIEWER are FORBIDDEN. */
export const admins = () => byRole('ok', 'ok', 'FORBIDDEN', 'FORBIDDEN');

export const as = (f: RolesFixture, actor: Actor) => f.clients[actor];
export const gql =
  (query: string, variables: Record<string, unknown> = {}) =>
  (_app: TestApp, f: RolesFixture, actor: Actor) =>
    as(f, actor).gql(query, variables);

export type MatrixRun = MatrixCase['run'];
type Seed<T> = (app: TestApp, f: RolesFixture) => Promise<T>;

/** Runs the query with the variables `prepare` returns once it has seeded the workspace. */
export const gqlAfter =
  (query: string, prepare: (app: TestApp, f: RolesFixture, actor: Actor) => Promise<Record<string, unknown> | void>): MatrixRun =>
  async (app, f, actor) =>
    as(f, actor).gql(query, (await prepare(app, f, actor)) ?? {});

/** Runs the query with `$id` bound to the record `seed` made. */
export const gqlOn = (query: string, seed: Seed<string>): MatrixRun => gqlAfter(query, async (app, f) => ({ id: await seed(app, f) }));

/** `withRecord(seed)(query, options)` runs the query with `$id` bound to a record that `seed` made with those options. */
export const withRecord =
  <O>(seed: (app: TestApp, f: RolesFixture, options?: O) => Promise<string>) =>
  (query: string, options?: O): MatrixRun =>
    gqlOn(query, (app, f) => seed(app, f, options));

/** A list query that every reader may run, once `seed` has made a record for it to list. */
export const listCase = (field: string, query: string, seed: Seed<unknown>): MatrixCase => ({
  kind: 'query',
  field,
  run: gqlAfter(query, async (app, f) => {
    await seed(app, f);
  }),
  expect: readers(),
});

/** Creating and updating a record type, both for writers. */
export const createUpdateCases = (type: string, create: MatrixRun, update: MatrixRun): MatrixCase[] => [
  { kind: 'mutation', field: `create${type}`, run: create, expect: writers() },
  { kind: 'mutation', field: `update${type}`, run: update, expect: writers() },
];

/**
 * Soft delete and restore of a record type: writers delete their own records, only admins delete one made by someone
 * else (`othersOptions`), and writers restore a deleted one (`deletedOptions`).
 */
export function trashCases<O>(type: string, withType: (query: string, options?: O) => MatrixRun, othersOptions: O, deletedOptions: O): MatrixCase[] {
  const remove = `mutation($id: ID!) { delete${type}(id: $id) { deletedAt } }`;
  return [
    { kind: 'mutation', field: `delete${type}`, run: withType(remove), expect: writers() },
    { kind: 'mutation', field: `delete${type}`, run: withType(remove, othersOptions), expect: admins() },
    {
      kind: 'mutation',
      field: `restore${type}`,
      run: withType(`mutation($id: ID!) { restore${type}(id: $id) { deletedAt } }`, deletedOptions),
      expect: writers(),
    },
  ];
}
