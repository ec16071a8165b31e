// One GraphQL request to a Kith server with an API key, and the failures a person can act on.
import type { TypedDocumentString } from '../gql/graphql.js';

export interface KithServer {
  /** The server's base URL, e.g. https://kith.example.com (no trailing slash). */
  url: string;
  apiKey: string;
}

export type KithErrorKind = 'unreachable' | 'not-kith' | 'revoked' | 'forbidden' | 'rate-limited' | 'bad-input' | 'not-found' | 'server';

export class KithError extends Error {
  constructor(
    readonly kind: KithErrorKind,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const secondsFrom = (value: unknown) => (typeof value === 'number' ? value : Number(value) || null);

function rateLimited(retryAfter: number | null) {
  return new KithError(
    'rate-limited',
    `Kith is limiting requests from this key. Try again ${retryAfter ? `in ${Math.ceil(retryAfter)} seconds` : 'in a minute'}.`,
  );
}

function fromGraphQLError(error: { message?: string; extensions?: Record<string, unknown> }): KithError {
  const code = error.extensions?.code;
  const message = error.message ?? 'Kith refused the request.';
  switch (code) {
    case 'UNAUTHENTICATED':
      return new KithError(
        'revoked',
        'This API key is wrong, expired or revoked. Create a new key in Kith (Settings → API keys) and update it in the options.',
      );
    case 'FORBIDDEN':
      return new KithError('forbidden', `${message} Your key's role does not allow this: a VIEWER key can check but not save.`);
    case 'RATE_LIMITED':
      return rateLimited(secondsFrom(error.extensions?.retryAfterSeconds));
    case 'BAD_USER_INPUT':
      return new KithError('bad-input', message, typeof error.extensions?.field === 'string' ? error.extensions.field : undefined);
    case 'NOT_FOUND':
      return new KithError('not-found', message);
    default:
      return new KithError('server', `Kith could not do this (${message}).`);
  }
}

export async function kithRequest<TResult, TVariables>(
  server: KithServer,
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(new URL('/graphql', server.url), {
      method: 'POST',
      // The key alone says who this is: never the cookies of a Kith tab open in the same browser.
      credentials: 'omit',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.apiKey}` },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch {
    throw new KithError('unreachable', `Cannot reach ${server.url}. Check the address, that the server is running, and your connection.`);
  }
  if (response.status === 429) throw rateLimited(secondsFrom(response.headers.get('retry-after')));
  const body = (await response.json().catch(() => null)) as {
    data?: TResult | null;
    errors?: Array<{ message?: string; extensions?: Record<string, unknown> }>;
  } | null;
  if (!body || (!body.data && !body.errors)) {
    throw new KithError('not-kith', `${server.url} answered, but not like a Kith server (HTTP ${response.status}). Check the address.`);
  }
  if (body.errors?.length) throw fromGraphQLError(body.errors[0]!);
  return body.data as TResult;
}
