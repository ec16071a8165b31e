import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { getOperationAST, OperationTypeNode, type DocumentNode } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { AppServices } from '../app-services.js';
import { schema } from '../schema.js';
import { useActivityPublishing } from '../modules/activity-events/publish.js';
import { useUsageRecording } from '../modules/usage/usage.plugin.js';
import { useBillingGate } from '../modules/billing/billing.plugin.js';
import { createErrorMasker, yogaLogger } from './errors.js';
import { useInputChecks } from './input-checks.js';
import { createProtection } from './protection/index.js';
import { contextForRequest, type ServerContext } from './request-context.js';
import { useSharedSubscriptionResults } from './shared-subscription-results.js';

/** Cookies that resolvers set (sign-in, sign-out, session renewal), keyed by request. */
const responseCookies = new WeakMap<Request, string[]>();

const useResponseCookies = (): Plugin => ({
  onResponse({ request, response }) {
    for (const cookie of responseCookies.get(request) ?? []) response.headers.append('Set-Cookie', cookie);
  },
});

/** A mutation may change what a cached session carries (memberships, roles, teams, the user, the session itself). */
const useSessionCacheReset = (app: AppServices): Plugin => ({
  onExecute({ args }) {
    if (getOperationAST(args.document as DocumentNode, args.operationName as string | undefined)?.operation !== OperationTypeNode.MUTATION) return;
    return { onExecuteDone: () => app.sessionCache.clear() };
  },
});

export function createKithYoga(app: AppServices) {
  const protection = createProtection(app);
  const yoga = createYoga<ServerContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: protection.graphiql,
    cors: protection.cors,
    batching: protection.batching,
    logging: yogaLogger(app.logger),
    maskedErrors: { maskError: createErrorMasker(app.logger) },
    context: ({ request, req, ip }) => {
      const cookies: string[] = [];
      responseCookies.set(request, cookies);
      return contextForRequest(app, { request, req, ip, rateLimiter: protection.rateLimiter }, (cookie) => cookies.push(cookie));
    },
    plugins: [
      // JSON POSTs are preflighted by browsers; anything "simple" must carry this header.
      useCSRFPrevention({ requestHeaders: ['x-kith-csrf', 'graphql-require-preflight'] }),
      useResponseCookies(),
      useSessionCacheReset(app),
      useActivityPublishing(app),
      useUsageRecording(app),
      useBillingGate(app),
      useSharedSubscriptionResults(),
      ...protection.plugins,
      useInputChecks(),
    ],
  });
  // The WebSocket server builds contexts too, and must spend from the same failed-authentication budgets.
  return Object.assign(yoga, { rateLimiter: protection.rateLimiter });
}

export type KithYoga = ReturnType<typeof createKithYoga>;
