import type { CombinedError } from '@urql/core';

/** The message to show a person: the API's own wording for expected errors, a plain sentence otherwise. */
export function errorMessage(error: CombinedError | undefined | null): string | null {
  if (!error) return null;
  if (error.networkError) return 'Kith cannot be reached. Check your connection and try again.';
  const first = error.graphQLErrors[0];
  if (!first) return 'Something went wrong.';
  const code = first.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR') return 'Something went wrong on our side. Try again.';
  return first.message;
}

export function errorCode(error: CombinedError | undefined | null): string | undefined {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}
