import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rolesFixture } from '../../test/fixtures.js';
import { errorCodes, useTestApp } from '../../test/test-app.js';
import { eventTypeOf, isWebhookEventType, WEBHOOK_EVENT_TYPES } from './event-types.js';

const getApp = useTestApp({ config: { webhooksAllowPrivateUrls: true } });
const modules = join(import.meta.dirname, '..');

/** Event types the code records with literal names: emitEvent(..., 'Entity', 'verb' | cond ? 'a' : 'b'), recordEvent({ verb, entityType }), exports' announce. */
async function recordedEventTypes(): Promise<string[]> {
  const found = new Set<string>();
  for (const file of await readdir(modules, { recursive: true })) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file.includes('test-helpers')) continue;
    const source = await readFile(join(modules, file), 'utf8');
    for (const m of source.matchAll(/emitEvent\([^;]*?'([A-Z][A-Za-z]+)',\s*(?:'([a-z_]+)'|[\w.]+\s*\?\s*'([a-z_]+)'\s*:\s*'([a-z_]+)')/g)) {
      for (const verb of [m[2], m[3], m[4]]) if (verb) found.add(eventTypeOf(m[1]!, verb));
    }
    for (const m of source.matchAll(/verb:\s*(?:'([a-z_]+)'|\w+\s*\?\s*'([a-z_]+)'\s*:\s*'([a-z_]+)'),\s*entityType:\s*'([A-Z][A-Za-z]+)'/g)) {
      for (const verb of [m[1], m[2], m[3]]) if (verb) found.add(eventTypeOf(m[4]!, verb));
    }
    if (file.startsWith('exports')) for (const m of source.matchAll(/announce\([^,]+,\s*\w+,\s*'([a-z_]+)'/g)) found.add(eventTypeOf('WorkspaceExport', m[1]!));
  }
  return [...found].sort();
}

describe('webhook event types', () => {
  it('list every event the code records', async () => {
    const recorded = await recordedEventTypes();
    expect(recorded.length).toBeGreaterThan(60);
    expect(recorded.filter((type) => !isWebhookEventType(type))).toEqual([]);
    expect(WEBHOOK_EVENT_TYPES).toContain('contact.created');
    expect(WEBHOOK_EVENT_TYPES).toContain('deal.stage_moved');
  });

  it('refuse a misspelt or unknown event type with BAD_USER_INPUT, on create and on update', async () => {
    const f = await rolesFixture(getApp());
    const create = (types: string[]) =>
      f.clients.ADMIN.gql<{ createWebhook: { webhook: { id: string; eventTypes: string[] } } }>(
        `mutation($t: [String!]) { createWebhook(url: "http://127.0.0.1:9/hook", eventTypes: $t) { webhook { id eventTypes } } }`,
        { t: types },
      );
    for (const typo of [['contact.craeted'], ['contacts.created'], ['contact.created', 'Deal.stage_moved'], ['webhook.']]) {
      const result = await create(typo);
      expect({ typo, codes: errorCodes(result) }).toEqual({ typo, codes: ['BAD_USER_INPUT'] });
    }
    expect(errorCodes(await create(['contact.craeted']))).toEqual(['BAD_USER_INPUT']);
    expect((await create(['contact.craeted'])).errors?.[0]?.message).toMatch(/contact\.craeted/);
    expect(await getApp().prisma.webhook.count()).toBe(0);

    const ok = await create(['contact.created', 'deal.stage_moved', 'apikey.revoked']);
    expect(ok.data?.createWebhook.webhook.eventTypes).toEqual(['contact.created', 'deal.stage_moved', 'apikey.revoked']);
    const update = await f.clients.ADMIN.gql(`mutation($id: ID!) { updateWebhook(id: $id, eventTypes: ["note.creatd"]) { id } }`, {
      id: ok.data!.createWebhook.webhook.id,
    });
    expect(errorCodes(update)).toEqual(['BAD_USER_INPUT']);
  });
});
