import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Received {
  events: Array<{ sequence: number; verb: string; entityType: string; entityId: string }>;
  errors: Array<{ message: string; extensions?: { code?: string; resumeAfter?: string } }>;
  completed: boolean;
}

/** A graphql-ws client authenticated by cookie (upgrade request) or by connection_init payload. */
export function wsClient(httpUrl: string, auth: { cookie?: string | null; authorization?: string | null; workspaceId?: string | null }): Client {
  const headers: Record<string, string> = {};
  if (auth.cookie) headers.cookie = auth.cookie;
  if (auth.workspaceId) headers['x-workspace-id'] = auth.workspaceId;
  return createClient({
    url: `${httpUrl.replace('http', 'ws')}/graphql`,
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    },
    connectionParams: auth.authorization ? { authorization: auth.authorization } : undefined,
    retryAttempts: 0,
    lazy: true,
  });
}

export const FEED = /* GraphQL */ `
  subscription Feed($after: String, $filter: ActivityEventFilter) {
    activityFeed(after: $after, filter: $filter) { sequence verb entityType entityId }
  }
`;

/** Subscribes and collects; `until(received)` resolves `done` when it returns true. */
export function collect(client: Client, query: string, variables: Record<string, unknown>, until: (r: Received) => boolean) {
  const received: Received = { events: [], errors: [], completed: false };
  let resolveDone!: () => void;
  let rejectDone!: (e: unknown) => void;
  const done = new Promise<void>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  const check = () => {
    if (until(received)) resolveDone();
  };
  const stop = client.subscribe<{ activityFeed?: Received['events'][number]; recordChanged?: Received['events'][number] }>(
    { query, variables },
    {
      next: (result) => {
        const event = result.data?.activityFeed ?? result.data?.recordChanged;
        if (event) received.events.push(event);
        if (result.errors) received.errors.push(...(result.errors as Received['errors']));
        check();
      },
      error: (error) => rejectDone(error),
      complete: () => {
        received.completed = true;
        check();
      },
    },
  );
  return { received, done, stop };
}

/** Resolves once the server has `count` feed listeners registered (replay may still be running). */
export async function listening(hub: { listenerCount: number }, count: number) {
  // Waits for the condition (a loaded machine can take a while to register a subscription), up to 10 s.
  const deadline = Date.now() + 10_000;
  while (hub.listenerCount < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
  if (hub.listenerCount < count) throw new Error(`expected ${count} feed listeners, have ${hub.listenerCount}`);
}
