import { describe, expect, it } from 'vitest';
import { rolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';
import { postGraphql } from './test-helpers.js';

const getApp = useTestApp({ config: { env: 'production' } });
const INTROSPECT = { query: '{ __schema { queryType { name } } }' };

describe('introspection in production', () => {
  it('is refused to anonymous callers, while __typename and ordinary queries still work', async () => {
    const app = getApp();
    const refused = await (await postGraphql(app, INTROSPECT)).json();
    expect(refused.data).toBeUndefined();
    expect(refused.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const typeRefused = await (await postGraphql(app, { query: '{ __type(name: "Contact") { name } }' })).json();
    expect(typeRefused.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await (await postGraphql(app, { query: '{ __typename me { name } }' })).json()).toEqual({ data: { __typename: 'Query', me: null } });
  });

  it('is allowed to a signed-in person and to an API key', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const bySession = await (await postGraphql(app, INTROSPECT, { cookie: f.clients.VIEWER.cookie! })).json();
    expect(bySession).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const byKey = await (await postGraphql(app, INTROSPECT, { authorization: f.clients.VIEWER_KEY.authorization! })).json();
    expect(byKey).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('serves GraphiQL only to a signed-in person', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const page = (headers: Record<string, string>) =>
      app.yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html', ...headers } }, { ip: '203.0.113.10' });
    const anonymous = await page({});
    expect(anonymous.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    const signedIn = await page({ cookie: f.clients.MEMBER.cookie! });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('content-type')).toMatch(/text\/html/);
  });
});
