import { describe, expect, it } from 'vitest';
import { rolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';
import { protectionLimits } from './limits.js';
import { postGraphql } from './test-helpers.js';

const getApp = useTestApp({
  config: { protection: protectionLimits({ query: { maxDepth: 4, maxAliases: 3, maxTokens: 40, maxBatch: 2, maxComplexity: 300 } }) },
});

/**
 * GraphQL over HTTP: a request refused before execution is HTTP 400 for `application/graphql-response+json`
 * clients; legacy `application/json` clients get 200 with the same error (Yoga follows the spec there).
 */
const SPEC = { accept: 'application/graphql-response+json' };

async function limitHit(body: unknown, headers: Record<string, string> = {}) {
  const response = await postGraphql(getApp(), body, { ...SPEC, ...headers });
  const json = await response.json();
  return { status: response.status, error: json.errors?.[0] as { message: string; extensions: Record<string, unknown> } | undefined };
}

describe('query limits', () => {
  it('refuses a query one level too deep, naming the limit, and allows one at the limit', async () => {
    const tooDeep = await limitHit({ query: '{ me { workspaces { members { user { name } } } } }' });
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.error?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 4, actual: 5 });
    expect(tooDeep.error?.message).toMatch(/depth limit/);
    const legacy = await postGraphql(getApp(), { query: '{ me { workspaces { members { user { name } } } } }' });
    expect((await legacy.json()).errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth' });
    const atLimit = await limitHit({ query: '{ me { workspaces { members { id } } } }' });
    expect(atLimit.error?.extensions?.code).not.toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses too many aliases and allows exactly the maximum', async () => {
    const over = await limitHit({ query: '{ a: me { id } b: me { id } c: me { id } d: me { id } }' });
    expect(over.status).toBe(400);
    expect(over.error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', max: 3, actual: 4 });
    const atLimit = await limitHit({ query: '{ a: me { id } b: me { id } c: me { id } }' });
    expect(atLimit.status).toBe(200);
  });

  it('refuses a document with too many tokens', async () => {
    const fields = (n: number) => `{ me { ${'id '.repeat(n)}} }`; // 5 tokens plus one per field
    const over = await limitHit({ query: fields(36) });
    expect(over.status).toBe(400);
    expect(over.error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: 40 });
    expect((await limitHit({ query: fields(35) })).status).toBe(200);
  });

  it('refuses a batch over the limit and runs one at the limit', async () => {
    const over = await limitHit([{ query: '{ me { id } }' }, { query: '{ me { id } }' }, { query: '{ me { id } }' }]);
    expect(over.status).toBe(400);
    expect(over.error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'batch', max: 2, actual: 3 });
    const response = await postGraphql(getApp(), [{ query: '{ me { id } }' }, { query: '{ me { id } }' }]);
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveLength(2);
  });

  it('prices a connection by `first` (from variables too) and refuses one over the cost limit', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const contacts = 'query($n: Int) { contacts(first: $n) { edges { node { id firstName lastName } } } }';
    const headers = { cookie: f.clients.MEMBER.cookie!, 'x-workspace-id': f.workspaceGid };
    // 1 + n × (edges 1 + node (1 + 3 fields)) = 1 + 5n: 60 rows cost 301, 59 cost 296.
    const over = await limitHit({ query: contacts, variables: { n: 60 } }, headers);
    expect(over.status).toBe(400);
    expect(over.error?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'complexity', max: 300, actual: 301 });
    const under = await limitHit({ query: contacts, variables: { n: 59 } }, headers);
    expect(under.status).toBe(200);
    expect(under.error).toBeUndefined();
  });
});
