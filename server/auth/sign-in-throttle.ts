import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimited } from '../errors.js';

const WINDOW_SECONDS = 15 * 60;
const FREE_FAILURES = 3;
const MAX_DELAY_MS = 8_000;

export interface ThrottleLimits {
  failuresPerEmail: number;
  failuresPerIp: number;
}

/**
 * Repeated failed sign-ins for one email or from one IP are first slowed (a growing delay
 * before the password is checked), then refused until the window has passed.
 * A success clears the email's count; the IP's count stays, so one good account cannot
 * launder a password-spraying run.
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

  /** Throws RATE_LIMITED when refused; otherwise returns how long to hold this attempt back. */
  async beforeAttempt(email: string, ip: string): Promise<{ delayMs: number }> {
    const [emailState, ipState] = await Promise.all([this.byEmail.get(email), this.byIp.get(ip)]);
    for (const [state, limiter] of [[emailState, this.byEmail], [ipState, this.byIp]] as const) {
      if (state && state.consumedPoints >= limiter.points) {
        const seconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
        throw rateLimited(`Too many failed sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`, seconds);
      }
    }
    const failures = Math.max(emailState?.consumedPoints ?? 0, ipState?.consumedPoints ?? 0);
    const extra = failures - FREE_FAILURES;
    return { delayMs: extra < 0 ? 0 : Math.min(MAX_DELAY_MS, this.slowdownUnitMs * 2 ** extra) };
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([consumeQuietly(this.byEmail, email), consumeQuietly(this.byIp, ip)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byEmail.delete(email);
  }
}

async function consumeQuietly(limiter: RateLimiterAbstract, key: string) {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
  }
}
