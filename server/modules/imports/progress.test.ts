import { createClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { JobWorker } from '../../jobs/worker.js';
import { apiKeyFor, rolesFixture } from '../../test/fixtures.js';
import { useTestApp } from '../../test/test-app.js';
import { useTestServer } from '../../test/test-server.js';
import { importRow, START } from './imports.test-helpers.js';
import { importHandlers } from './run-import.js';

const getApp = useTestApp();
const start = useTestServer(getApp);

describe('importProgress', () => {
  it('streams the counts over graphql-ws after each committed batch, and ends when the import is done', async () => {
    const app = getApp();
    const f = await rolesFixture(app);
    const lines = ['Name,Email'];
    for (let i = 1; i <= 60; i++) lines.push(`Person ${i},p${i}@example.com`);
    const { gid, columns } = await importRow(app, f, 'MEMBER', lines.join('\n'));
    await f.clients.MEMBER.ok(START, { id: gid, settings: { entity: 'CONTACT', columns, dedupeMode: 'SKIP' } });
    const { secret } = await apiKeyFor(app, f.users.MEMBER.id, f.workspaceId, 'MEMBER');
    const url = `${(await start()).replace('http', 'ws')}/graphql`;
    const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${secret}` }, retryAttempts: 0 });
    try {
      const seen: Array<{ status: string; rowsRead: number; createdCount: number }> = [];
      const iterator = client.iterate<{ importProgress: { status: string; rowsRead: number; createdCount: number } }>({
        query: 'subscription($id: ID!) { importProgress(id: $id) { status rowsRead createdCount } }',
        variables: { id: gid },
      });
      const first = await iterator.next();
      seen.push(first.value.data!.importProgress);
      const worker = new JobWorker(app.prisma, importHandlers(app.services, { batchRows: 12 }), { logger: app.services.logger });
      const run = worker.runNext();
      for await (const result of iterator) seen.push(result.data!.importProgress);
      await run;
      expect(seen[0]).toEqual({ status: 'QUEUED', rowsRead: 0, createdCount: 0 });
      expect(seen.at(-1)).toEqual({ status: 'DONE', rowsRead: 60, createdCount: 60 });
      const counts = seen.map((s) => s.rowsRead);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
      // At least one batch in between was seen on its way (RUNNING with part of the rows).
      expect(seen.some((s) => s.status === 'RUNNING' && s.rowsRead > 0 && s.rowsRead < 60)).toBe(true);
    } finally {
      await client.dispose();
    }
  });
});
