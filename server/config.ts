import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { protectionLimits, type ProtectionConfig } from './http/protection/limits.js';
import { billingConfigFrom, type BillingConfig } from './modules/billing/billing.config.js';
import { channelsConfigFrom, type ChannelsConfig } from './modules/channels/config.js';
import { KNOWN_CONTENT_TYPES } from './modules/files/content-types.js';
import { retentionSettings, type RetentionSettings } from './retention.js';
import { aiConfigFrom, aiEnvSchema, type AiConfig } from './modules/ai/ai.config.js';

const retentionDays = z.coerce.number().int().min(1).max(3650).optional();
/** A deletion's grace period: 0 purges at the job worker's next run. */
const graceDays = z.coerce.number().int().min(0).max(3650).optional();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(join(process.cwd(), 'data')),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Kith <no-reply@kith.localhost>'),
  TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  FILES_DIR: z.string().optional(),
  FILES_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(25 * 1024 * 1024),
  FILES_ALLOWED_TYPES: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((type) => type.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine((types) => types.every((type) => KNOWN_CONTENT_TYPES.includes(type)), {
      message: `lists a type Kith cannot verify; choose among ${KNOWN_CONTENT_TYPES.join(', ')}`,
    })
    .optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ENDPOINT: z
    .string()
    .url()
    .refine((url) => /^https?:\/\//i.test(url), { message: 'must be an http:// or https:// URL' })
    .optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false', '1', '0']).default('false'),
  REDIS_URL: z.string().url().optional(),
  // Retention in days (server/retention.ts holds the defaults).
  RETENTION_DELETED_WORKSPACE_DAYS: graceDays,
  RETENTION_DELETED_ACCOUNT_DAYS: graceDays,
  RETENTION_SOFT_DELETED_DAYS: retentionDays,
  RETENTION_EXPORT_DAYS: retentionDays,
  RETENTION_USAGE_DAYS: retentionDays,
  RETENTION_BACKUP_DAYS: retentionDays,
  RETENTION_OUTBOX_DAYS: retentionDays,
  RETENTION_AUDIT_DAYS: retentionDays,
  RETENTION_AUDIT_NETWORK_DAYS: retentionDays,
  RETENTION_BILLING_HISTORY_DAYS: retentionDays,
  WEBHOOKS_ALLOW_PRIVATE_URLS: z.enum(['true', 'false', '1', '0']).default('false'),
  // Protection (server/http/protection/limits.ts holds the defaults).
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).optional(),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(0).optional(),
  RATE_LIMIT_FAILED_AUTH_PER_MINUTE: z.coerce.number().int().min(0).optional(),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().positive().optional(),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().positive().optional(),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).optional(),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().positive().optional(),
  GRAPHQL_MAX_BATCH: z.coerce.number().int().min(1).optional(),
  GRAPHQL_MAX_BODY_BYTES: z.coerce.number().int().min(1024).optional(),
  CORS_ORIGINS: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((origin) => origin.trim().replace(/\/$/, ''))
        .filter(Boolean),
    )
    .refine((origins) => origins.every((origin) => /^https?:\/\/[^/]+$/i.test(origin)), { message: 'must list origins such as https://app.example.com' })
    .optional(),
  ...aiEnvSchema,
  // Billing (server/modules/billing, docs/billing.md): on only with both Stripe secrets.
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  BILLING_PLANS: z.string().optional(),
  BILLING_PLANS_FILE: z.string().optional(),
  STRIPE_API_URL: z.string().url().optional(),
});

/** S3-compatible object storage for files (AWS S3, MinIO, Cloudflare R2, ...). */
export interface S3Config {
  bucket: string;
  region: string;
  /** Custom endpoint for S3-compatible services; unset means AWS. */
  endpoint?: string;
  /** Both set, or neither (then the AWS SDK's default credential chain applies: env, profile, instance role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `<endpoint>/<bucket>/<key>` instead of `<bucket>.<endpoint>/<key>` (MinIO and most self-hosted servers). */
  forcePathStyle: boolean;
  /** Where an upload is staged before it is sent with its length (not an environment variable). */
  stagingDir: string;
}

const S3_VARIABLES = ['S3_BUCKET', 'S3_REGION', 'S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'] as const;

/** null (local disk) when no S3_* variable is set; a clear error when the S3 settings are incomplete. */
function s3ConfigFrom(present: Record<string, string | undefined>, e: z.infer<typeof envSchema>): S3Config | null {
  const set = S3_VARIABLES.filter((name) => present[name] !== undefined);
  if (set.length === 0) return null;
  if (!e.S3_BUCKET)
    throw new Error(
      `Invalid environment: S3_BUCKET is required for S3 file storage (${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set); unset the S3_* variables to store files on local disk.`,
    );
  if (!e.S3_ACCESS_KEY_ID !== !e.S3_SECRET_ACCESS_KEY) {
    throw new Error('Invalid environment: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together; set both, or neither to use the AWS default credentials.');
  }
  return {
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
    endpoint: e.S3_ENDPOINT,
    accessKeyId: e.S3_ACCESS_KEY_ID,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY,
    forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true' || e.S3_FORCE_PATH_STYLE === '1',
    stagingDir: tmpdir(),
  };
}

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  pgliteDir: string;
  publicUrl: string;
  smtpUrl?: string;
  mailFrom: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Read the client IP from X-Forwarded-For (only behind a reverse proxy you run). */
  trustProxy: boolean;
  /** Where uploaded files live on local disk: `<filesDir>/<workspaceId>/<random key>`. */
  filesDir: string;
  /** Largest accepted upload, in bytes. */
  filesMaxBytes: number;
  /** Content types accepted for upload; null means every type Kith knows how to verify. */
  filesAllowedTypes: string[] | null;
  /** S3-compatible storage for files; null means local disk under filesDir. */
  s3: S3Config | null;
  /** Milliseconds a failed sign-in is held back per failure beyond the free ones; 0 in tests. */
  signInSlowdownMs: number;
  /** Let webhooks call loopback and private networks (tests, closed intranets); off by default against SSRF. */
  webhooksAllowPrivateUrls: boolean;
  /** Redis for shared state across instances (rate limits, pub/sub); unset means in-process memory. */
  redisUrl?: string;
  /** Rate limits, query limits and CORS origins. */
  protection: ProtectionConfig;
  /** How long expiring data is kept (days). */
  retention: RetentionSettings;
  /** An OpenAI-compatible model provider; null means AI is off (every AI field refused with AI_DISABLED). */
  ai: AiConfig | null;
  /** Stripe billing for those who host Kith for others; null (the default) means billing is off. */
  billing: BillingConfig | null;
  /** Email, SMS and calls as channels (server/modules/channels/config.ts reads their variables). */
  channels: ChannelsConfig;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    pgliteDir: join(e.DATA_DIR, 'pglite'),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true' || e.TRUST_PROXY === '1',
    // Tests never write into a developer's real data directory unless told to.
    filesDir: e.FILES_DIR ?? (e.NODE_ENV === 'test' && !present.DATA_DIR ? join(tmpdir(), 'kith-test-files') : join(e.DATA_DIR, 'files')),
    filesMaxBytes: e.FILES_MAX_BYTES,
    filesAllowedTypes: e.FILES_ALLOWED_TYPES ?? null,
    s3: s3ConfigFrom(present, e),
    signInSlowdownMs: 1000,
    redisUrl: e.REDIS_URL,
    webhooksAllowPrivateUrls: e.WEBHOOKS_ALLOW_PRIVATE_URLS === 'true' || e.WEBHOOKS_ALLOW_PRIVATE_URLS === '1',
    protection: protectionLimits({
      rateLimit: {
        perMinute: e.RATE_LIMIT_PER_MINUTE,
        anonymousPerMinute: e.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
        failedAuthPerMinute: e.RATE_LIMIT_FAILED_AUTH_PER_MINUTE,
      },
      query: {
        maxDepth: e.GRAPHQL_MAX_DEPTH,
        maxComplexity: e.GRAPHQL_MAX_COMPLEXITY,
        maxAliases: e.GRAPHQL_MAX_ALIASES,
        maxTokens: e.GRAPHQL_MAX_TOKENS,
        maxBatch: e.GRAPHQL_MAX_BATCH,
      },
      corsOrigins: e.CORS_ORIGINS,
      maxBodyBytes: e.GRAPHQL_MAX_BODY_BYTES,
    }),
    retention: retentionSettings({
      deletedWorkspaceDays: e.RETENTION_DELETED_WORKSPACE_DAYS,
      deletedAccountDays: e.RETENTION_DELETED_ACCOUNT_DAYS,
      softDeletedDays: e.RETENTION_SOFT_DELETED_DAYS,
      exportArchiveDays: e.RETENTION_EXPORT_DAYS,
      usageDays: e.RETENTION_USAGE_DAYS,
      backupDays: e.RETENTION_BACKUP_DAYS,
      outboxDays: e.RETENTION_OUTBOX_DAYS,
      auditDays: e.RETENTION_AUDIT_DAYS,
      auditNetworkDays: e.RETENTION_AUDIT_NETWORK_DAYS,
      billingHistoryDays: e.RETENTION_BILLING_HISTORY_DAYS,
    }),
    ai: aiConfigFrom(e),
    billing: billingConfigFrom(e),
    channels: channelsConfigFrom(present),
  };
}
