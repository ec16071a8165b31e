import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { badInput } from '../../errors.js';

export const MIN_PASSWORD_LENGTH = 10;

let strength: Promise<ZxcvbnFactory> | undefined;

/** The estimator and its dictionaries (several MB of heap), built by the first password set, not at start. */
function estimator() {
  strength ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    // Estimating only the first 100 characters keeps a public mutation from burning CPU on huge inputs.
    ([{ ZxcvbnFactory }, common]) => new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs, maxLength: 100 }),
  );
  return strength;
}

/** Refuses short passwords and ones that common-password lists or the user's own details make guessable. */
export async function assertStrongPassword(password: string, userInputs: string[], field = 'password'): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw badInput(`Use at least ${MIN_PASSWORD_LENGTH} characters for your password.`, field);
  }
  const words = userInputs.flatMap((input) => {
    const lower = input.toLowerCase();
    return [lower, lower.replace(/\s+/g, ''), ...lower.split(/[\s@.]+/)];
  });
  const result = (await estimator()).check(password, words);
  if (result.score < 3) {
    throw badInput('This password is too easy to guess. Try a longer phrase of unrelated words.', field);
  }
}
