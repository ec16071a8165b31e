import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import { kithCacheExchange } from './cache';

/**
 * One urql client per (session, workspace): switching either starts from an empty cache, so a list of
 * one workspace never shows in another. Same origin, so the HttpOnly session cookie goes along.
 */
export function createKithClient(workspaceId: string | null) {
  const headers: Record<string, string> = { 'x-kith-csrf': '1' };
  if (workspaceId) headers['x-workspace-id'] = workspaceId;
  let ws: ReturnType<typeof createWsClient> | null = null;
  const socket = () =>
    (ws ??= createWsClient({
      url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
      connectionParams: workspaceId ? { workspaceId } : {},
      lazy: true,
    }));
  const client = new Client({
    url: '/graphql',
    requestPolicy: 'cache-and-network',
    fetchOptions: { credentials: 'same-origin', headers },
    exchanges: [
      kithCacheExchange(),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: socket().subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  return { client, dispose: () => ws?.dispose() };
}
