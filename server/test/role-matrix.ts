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
