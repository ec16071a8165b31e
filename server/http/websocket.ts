import type { Server } from 'node:http';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { GraphQLError, type DocumentNode, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import type { AppServices } from '../app-services.js';
import { originMayUseCookie } from './protection/websocket-origin.js';
import { contextForRequest } from './request-context.js';
import type { KithYoga } from './yoga.js';

interface EnvelopedRoot {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
}

/** What Yoga's envelop hands a socket operation (its own typing is loose). */
interface Enveloped extends EnvelopedRoot {
  schema: GraphQLSchema;
  parse: (source: string) => DocumentNode;
  validate: (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[];
}

/** The error with an `extensions.code`, unless it has one (a query limit's, say). */
function withCode(error: GraphQLError, code: string): GraphQLError {
  if (error.extensions.code) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

/** graphql-ws on the same port and path as HTTP, through Yoga's envelop so plugins apply. */
export function attachWebSocketServer(server: Server, yoga: KithYoga, app: AppServices) {
  // A message over the limit closes the socket (1009, "Max payload size exceeded") before it is buffered whole.
  const wss = new WebSocketServer({ server, path: yoga.graphqlEndpoint, maxPayload: app.config.protection.maxBodyBytes });
  const disposable = useServer(
    {
      // A cookie-authenticated connection from a foreign origin is refused (4403 Forbidden); an API key in
      // connection_init is judged by the key alone, from anywhere.
      onConnect: (ctx) => {
        const hasKey = typeof ctx.connectionParams?.authorization === 'string';
        const hasSession = Boolean(app.auth.readSessionCookie(ctx.extra.request.headers.cookie ?? ''));
        return hasKey || !hasSession || originMayUseCookie(ctx.extra.request, app.config);
      },
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args) as never,
      subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args) as never,
      onSubscribe: async (ctx, _id, payload) => {
        const { schema, execute, subscribe, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params: payload,
        }) as Enveloped;
        // A bad document is this operation's error message, as over HTTP; a throw would close the whole socket (4500).
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          if (error instanceof GraphQLError) return [withCode(error, 'GRAPHQL_PARSE_FAILED')];
          throw error;
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
        // Cookies cannot be set over a socket; a stale one simply yields no viewer.
        const param = (name: string) => (typeof ctx.connectionParams?.[name] === 'string' ? ctx.connectionParams[name] : null);
        const authorization = param('authorization');
        // A bad key is refused like over HTTP: an UNAUTHENTICATED error for this operation, not a dropped socket.
        const contextValue = await contextForRequest(
          app,
          { req: ctx.extra.request, authorization, workspaceId: param('workspaceId'), rateLimiter: yoga.rateLimiter },
          () => undefined,
        ).catch((error: unknown) => {
          if (error instanceof GraphQLError) return [error];
          throw error;
        });
        if (Array.isArray(contextValue)) return contextValue;
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
          rootValue: { execute, subscribe },
        };
      },
    },
    wss,
  );
  return {
    async close() {
      // 1012 (service restart): clients reconnect, to this server's successor.
      for (const client of wss.clients) client.close(1012, 'Server restarting');
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await app.activityHub.close();
    },
  };
}
