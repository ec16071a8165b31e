import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimited } from '../errors.js';

const WINDOW_SECONDS = 15 * 60;
const FREE_FAILURES = 3;
const MAX_DELAY_MS = 8_000;

export interface ThrottleLimits {
  failuresPerEmail: number;
  failuresPerIp: number;
}

interface Count {
  consumedPoints: number;
  msBeforeNext: number;
  refused: boolean;
}

/**
 * Repeated failed sign-ins for one email or from one IP are first slowed (a growing delay
 * before the password is checked), then refused until the window has passed.
 *
 * Every attempt counts as a failure from the moment it starts until `recordSuccess` says
 * otherwise: counting only after the password check let a burst of parallel guesses all pass
 * the check before any of them was recorded.
 * A success clears the email's count and takes back only its own point from the IP, so one
 * good account cannot launder a password-spraying run.
 */
export class SignInThrottle {
  private readonly byEmail: RateLimiterAbstract;
  private readonly byIp: RateLimiterAbstract;

  constructor(
    private readonly slowdownUnitMs: number,
    limits: ThrottleLimits = { failuresPerEmail: 10, failuresPerIp: 50 },
  ) {
    const options = { duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS };
    this.byEmail = new RateLimiterMemory({ ...options, points: limits.failuresPerEmail, keyPrefix: 'signin-email' });
    this.byIp = new RateLimiterMemory({ ...options, points: limits.failuresPerIp, keyPrefix: 'signin-ip' });
  }

  /** Counts the attempt; throws RATE_LIMITED when refused, otherwise says how long to hold it back. */
  async beforeAttempt(email: string, ip: string): Promise<{ delayMs: number }> {
    const [byEmail, byIp] = await Promise.all([count(this.byEmail, email), count(this.byIp, ip)]);
    if (byEmail.refused || byIp.refused) {
      // A refused attempt checks no password, so it costs the other key nothing.
      if (!byEmail.refused) await this.byEmail.reward(email);
      if (!byIp.refused) await this.byIp.reward(ip);
      const waitMs = Math.max(...[byEmail, byIp].filter((c) => c.refused).map((c) => c.msBeforeNext));
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw rateLimited(`Too many failed sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`, seconds);
    }
    const earlierFailures = Math.max(byEmail.consumedPoints, byIp.consumedPoints) - 1;
    const extra = earlierFailures - FREE_FAILURES;
    return { delayMs: extra < 0 ? 0 : Math.min(MAX_DELAY_MS, this.slowdownUnitMs * 2 ** extra) };
  }

  /** The attempt that beforeAttempt counted was not a failure after all. */
  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.byEmail.delete(email);
    const byIp = await this.byIp.get(ip);
    if (byIp && byIp.consumedPoints > 0) await this.byIp.reward(ip);
  }
}

async function count(limiter: RateLimiterAbstract, key: string): Promise<Count> {
  try {
    const res = await limiter.consume(key);
    return { consumedPoints: res.consumedPoints, msBeforeNext: res.msBeforeNext, refused: false };
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return { consumedPoints: error.consumedPoints, msBeforeNext: error.msBeforeNext, refused: true };
  }
}
