import { setTimeout as delay } from 'node:timers/promises';
import type { Context } from '../../context.js';
import { badInput } from '../../errors.js';

/**
 * Checks the signed-in user's password before a sensitive change. Each guess counts against the
 * account's sign-in budget: otherwise a stolen session could try passwords here without limit.
 */
export async function assertCurrentPassword(
  context: Context,
  user: { email: string; passwordHash: string },
  password: string,
  message: string,
  field: string,
): Promise<void> {
  const { signInThrottle, passwords } = context.app;
  const { delayMs } = await signInThrottle.beforeAttempt(user.email, context.request.ip);
  if (delayMs > 0) await delay(delayMs);
  if (!(await passwords.verify(user.passwordHash, password))) throw badInput(message, field);
  await signInThrottle.recordSuccess(user.email, context.request.ip);
}
