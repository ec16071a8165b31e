import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { AppServices } from '../app-services.js';
import { schema } from '../schema.js';
import { createErrorMasker } from './errors.js';
import { contextForRequest, type ServerContext } from './request-context.js';

/** Cookies that resolvers set (sign-in, sign-out, session renewal), keyed by request. */
const responseCookies = new WeakMap<Request, string[]>();

const useResponseCookies = (): Plugin => ({
  onResponse({ request, response }) {
    for (const cookie of responseCookies.get(request) ?? []) response.headers.append('Set-Cookie', cookie);
  },
});

export function createKithYoga(app: AppServices) {
  return createYoga<ServerContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: app.config.env !== 'production' ? { title: 'Kith GraphQL' } : false,
    logging: app.logger,
    maskedErrors: { maskError: createErrorMasker(app.logger) },
    context: ({ request, req, ip }) => {
      const cookies: string[] = [];
      responseCookies.set(request, cookies);
      return contextForRequest(app, { request, req, ip }, (cookie) => cookies.push(cookie));
    },
    plugins: [
      // JSON POSTs are preflighted by browsers; anything "simple" must carry this header.
      useCSRFPrevention({ requestHeaders: ['x-kith-csrf', 'graphql-require-preflight'] }),
      useResponseCookies(),
    ],
  });
}

export type KithYoga = ReturnType<typeof createKithYoga>;
