import type { TestApp } from '../../test/test-app.js';

/** A raw POST to /graphql through Yoga (status and headers included), as the given IP. */
export function postGraphql(app: TestApp, body: unknown, headers: Record<string, string> = {}, ip = '203.0.113.10') {
  return app.yoga.fetch(
    'http://localhost/graphql',
    { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) },
    { ip },
  );
}
