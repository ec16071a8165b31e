import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from '../errors.js';

/** Per-key budgets for actions that send email or create accounts, so they cannot be used to spam. */
const BUDGETS = {
  signUp: { points: 20, duration: 60 * 60 },
  passwordReset: { points: 5, duration: 60 * 60 },
  verificationEmail: { points: 5, duration: 60 * 60 },
  invitation: { points: 100, duration: 60 * 60 },
  /** Public form submissions, keyed by IP and form, then by form alone. */
  formSubmissionPerIp: { points: 10, duration: 60 },
  formSubmissionPerForm: { points: 1000, duration: 60 * 60 },
} as const;

export type LimitedAction = keyof typeof BUDGETS;

export class ActionLimits {
  private readonly limiters = new Map<LimitedAction, RateLimiterMemory>();

  async consume(action: LimitedAction, key: string): Promise<void> {
    let limiter = this.limiters.get(action);
    if (!limiter) {
      limiter = new RateLimiterMemory({ ...BUDGETS[action], keyPrefix: action });
      this.limiters.set(action, limiter);
    }
    try {
      await limiter.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw rateLimited('Too many requests of this kind. Please wait before trying again.', seconds);
    }
  }
}
