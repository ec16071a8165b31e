import { Argon2id } from 'oslo/password';

export type PasswordHashing = 'standard' | 'fast';

/**
 * Argon2id with OWASP's recommended cost in production. Tests use a cheaper cost of the
 * same algorithm so hundreds of sign-ups stay fast.
 */
export function createPasswordHasher(mode: PasswordHashing = 'standard') {
  return mode === 'fast' ? new Argon2id({ memorySize: 1024, iterations: 1 }) : new Argon2id();
}

export type PasswordHasher = ReturnType<typeof createPasswordHasher>;
