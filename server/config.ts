import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { KNOWN_CONTENT_TYPES } from './modules/files/content-types.js';

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
  FILES_MAX_BYTES: z.coerce.number().int().positive().default(25 * 1024 * 1024),
  FILES_ALLOWED_TYPES: z
    .string()
    .transform((list) => list.split(',').map((type) => type.trim().toLowerCase()).filter(Boolean))
    .refine((types) => types.every((type) => KNOWN_CONTENT_TYPES.includes(type)), {
      message: `lists a type Kith cannot verify; choose among ${KNOWN_CONTENT_TYPES.join(', ')}`,
    })
    .optional(),
});

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
  /** Milliseconds a failed sign-in is held back per failure beyond the free ones; 0 in tests. */
  signInSlowdownMs: number;
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
    signInSlowdownMs: 1000,
  };
}
