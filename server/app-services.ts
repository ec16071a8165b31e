import { createLogger, type YogaLogger } from 'graphql-yoga';
import { ActionLimits } from './auth/action-limits.js';
import { createPasswordHasher, type PasswordHashing } from './auth/passwords.js';
import { SESSION_CACHE_MS, SessionCache } from './auth/session-cache.js';
import { createLucia } from './auth/sessions.js';
import { SignInThrottle } from './auth/sign-in-throttle.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { createMailer, type Mailer } from './mail/mailer.js';
import { ActivityHub } from './modules/activity-events/hub.js';
import { createBilling, type Billing } from './modules/billing/billing.service.js';

/** Long-lived collaborators shared by every request. */
export interface AppServices {
  config: Config;
  db: Database;
  logger: YogaLogger;
  auth: ReturnType<typeof createLucia>;
  /** Validated sessions of the last moment (see session-cache.ts); mutations clear it. */
  sessionCache: SessionCache;
  mailer: Mailer;
  passwords: ReturnType<typeof createPasswordHasher>;
  signInThrottle: SignInThrottle;
  actionLimits: ActionLimits;
  /** Carries committed activity events to live subscribers (in memory, or Redis with REDIS_URL). */
  activityHub: ActivityHub;
  /** Stripe billing, or null when it is off (self-hosting: no plans, no limits). */
  billing: Billing | null;
}

export interface ServiceOverrides {
  logger?: YogaLogger;
  mailer?: Mailer;
  passwordHashing?: PasswordHashing;
  /** Off in tests unless a test passes one. */
  sessionCache?: SessionCache;
}

/** Errors reach the log as "Name: message", never with a stack trace or attached data. */
function withoutStackTraces(logger: YogaLogger): YogaLogger {
  const plain = (args: unknown[]) => args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message.trim().split('\n')[0]}` : arg));
  return {
    debug: (...args) => logger.debug(...plain(args)),
    info: (...args) => logger.info(...plain(args)),
    warn: (...args) => logger.warn(...plain(args)),
    error: (...args) => logger.error(...plain(args)),
  };
}

/** Cookies are Secure unless Kith is served on a plain-HTTP localhost URL. */
export const usesSecureCookies = (config: Pick<Config, 'publicUrl'>) => !/^http:\/\/(localhost|127\.0\.0\.1)(:|$)/.test(config.publicUrl);

export function createAppServices(config: Config, db: Database, overrides: ServiceOverrides = {}): AppServices {
  const logger = overrides.logger ?? withoutStackTraces(createLogger(config.logLevel));
  const secureCookies = usesSecureCookies(config);
  const sessionCache = overrides.sessionCache ?? new SessionCache(config.env === 'test' ? 0 : SESSION_CACHE_MS);
  return {
    config,
    db,
    logger,
    auth: createLucia(db.prisma, { secureCookies, cache: sessionCache }),
    sessionCache,
    mailer:
      overrides.mailer ??
      createMailer({
        smtpUrl: config.smtpUrl,
        from: config.mailFrom,
        prisma: db.prisma,
        logger,
        logLinks: config.env !== 'production',
        production: config.env === 'production',
      }),
    passwords: createPasswordHasher(overrides.passwordHashing),
    signInThrottle: new SignInThrottle(config.signInSlowdownMs),
    actionLimits: new ActionLimits(),
    activityHub: new ActivityHub(config.redisUrl, (error) => logger.warn('Activity feed: a Redis command failed', error)),
    billing: createBilling(config.billing),
  };
}
