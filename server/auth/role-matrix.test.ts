/// <reference types="vite/client" />
// Runs every query and mutation as each role, each role's API key, an outsider (who swaps in the Acme workspace's IDs)
// and an anonymous caller, and checks exactly who is allowed. Cases live next to each module in
// `*.matrix.ts` files; a root field without a case fails the coverage test.
import { describe, expect, it } from 'vitest';
import { schema } from '../schema.js';
import { rolesFixture } from '../test/fixtures.js';
import { ACTORS, expectedOutcome, KEY_ACTORS, type MatrixCase } from '../test/role-matrix.js';
import { useTestApp, type GqlResult, type TestApp } from '../test/test-app.js';

const getApp = useTestApp();

const modules = import.meta.glob<{ cases: MatrixCase[] }>('../modules/**/*.matrix.ts', { eager: true });
const CASES = Object.values(modules).flatMap((m) => m.cases);

function outcomeOf(result: GqlResult): string {
  if (!result.errors?.length) return 'ok';
  return String(result.errors[0]?.extensions?.code);
}

async function freshFixture(app: TestApp) {
  const f = await rolesFixture(app);
  // The outsider swaps in the Acme workspace: every such ID must read as NOT_FOUND.
  f.clients.OUTSIDER.workspaceId = f.workspaceGid;
  return f;
}

/** Mutations that change no workspace data (accounts, sessions, one's own exports): no activity event. */
const NOT_WORKSPACE_DATA = new Set([
  'signUp',
  'signIn',
  'signOut',
  'signOutEverywhere',
  'revokeSession',
  'verifyEmail',
  'resendVerificationEmail',
  'requestEmailChange',
  'confirmEmailChange',
  'requestPasswordReset',
  'resetPassword',
  'changePassword',
  'updatePreferences',
  'updateProfile',
  'requestMyDataExport',
  'setDefaultSavedView', // the viewer's own preference: which view their list opens with
  'recordPageView', // usage data about the viewer, not workspace data
  'aiSummarise',
  'aiDraftReply',
  'aiExtractContact',
  'aiSuggestNextSteps', // answers only; saving is a separate mutation
  'openBillingPortal',
  'completeBillingCheckout', // a link to Stripe; reading back a subscription (its changes have their own events)
]);

describe('role matrix', () => {
  it('covers every root query and mutation field', () => {
    const covered = new Set(CASES.map((c) => c.field));
    const fields = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())];
    expect(fields.filter((f) => !covered.has(f))).toEqual([]);
  });

  const queries = CASES.filter((c) => c.kind === 'query');
  describe.each(queries.map((c, i) => [`${c.field} #${i}`, c] as const))('query %s', (_name, testCase) => {
    it('allows exactly the expected actors', async () => {
      const app = getApp();
      const f = await freshFixture(app);
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const actor of [...ACTORS, ...KEY_ACTORS]) {
        outcomes[actor] = outcomeOf(await testCase.run(app, f, actor));
        expected[actor] = expectedOutcome(testCase, actor);
      }
      expect(outcomes).toEqual(expected);
    });
  });

  const mutations = CASES.filter((c) => c.kind === 'mutation');
  describe.each(mutations.map((c, i) => [`${c.field} #${i}`, c] as const))('mutation %s', (_name, testCase) => {
    it.each([...ACTORS, ...KEY_ACTORS])('as %s', async (actor) => {
      const app = getApp();
      const f = await freshFixture(app);
      const eventsBefore = await app.prisma.activityEvent.count();
      const result = await testCase.run(app, f, actor);
      expect({ actor, outcome: outcomeOf(result), errors: result.errors?.map((e) => e.message) }).toMatchObject({
        actor,
        outcome: expectedOutcome(testCase, actor),
      });
      // The mutation's own rule refuses, before it runs: a refusal from its return type comes after the writes.
      // A refusal without a path refused the whole request before anything ran (a dead API key, say).
      const path = result.errors?.[0]?.path;
      if (outcomeOf(result) !== 'ok' && path) expect(path, `${testCase.field} was refused below the mutation`).toHaveLength(1);
      // Every change to workspace data writes an activity event; a refused mutation writes none.
      const eventsAfter = await app.prisma.activityEvent.count();
      if (outcomeOf(result) !== 'ok') expect(eventsAfter).toBe(eventsBefore);
      else if (!NOT_WORKSPACE_DATA.has(testCase.field)) expect(eventsAfter, `${testCase.field} wrote no activity event`).toBeGreaterThan(eventsBefore);
    });
  });
});
