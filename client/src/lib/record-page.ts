import type { OperationResult } from '@urql/core';
import { errorCode, errorMessage } from './errors';

/** Saves one field through an update mutation; resolves to an error message or null. */
export async function saveField(run: () => Promise<OperationResult>): Promise<string | null> {
  const result = await run();
  return errorMessage(result.error);
}

/** A record page's failure as a sentence, telling "gone or hidden" apart from other failures. */
export function recordError(error: Parameters<typeof errorMessage>[0], noun: string): string | null {
  if (!error) return null;
  return errorCode(error) === 'NOT_FOUND' ? `This ${noun} does not exist, is in the trash, or is not shared with you.` : errorMessage(error);
}
