import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { badInput } from '../../errors.js';

export const MIN_PASSWORD_LENGTH = 10;

// Estimating only the first 100 characters keeps a public mutation from burning CPU on huge inputs.
const strength = new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs, maxLength: 100 });

/** Refuses short passwords and ones that common-password lists or the user's own details make guessable. */
export function assertStrongPassword(password: string, userInputs: string[], field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw badInput(`Use at least ${MIN_PASSWORD_LENGTH} characters for your password.`, field);
  }
  const words = userInputs.flatMap((input) => {
    const lower = input.toLowerCase();
    return [lower, lower.replace(/\s+/g, ''), ...lower.split(/[\s@.]+/)];
  });
  const result = strength.check(password, words);
  if (result.score < 3) {
    throw badInput('This password is too easy to guess. Try a longer phrase of unrelated words.', field);
  }
}
