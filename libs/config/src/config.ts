import { z } from 'zod';

const url = (protocols: string[], name: string) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    `${name} must be a ${protocols.join(' or ')}// address`,
  );

const list = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  );

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: url(['postgres:', 'postgresql:'], 'DATABASE_URL').default(
    'postgres://postgres@127.0.0.1:5432/parley',
  ),
  REDIS_URL: url(['redis:', 'rediss:'], 'REDIS_URL').default('redis://127.0.0.1:6379'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  PARLEY_SESSION_SECRET: z.string().min(32, 'PARLEY_SESSION_SECRET must be at least 32 characters'),
  PARLEY_SECRET_KEY: z.string().min(32, 'PARLEY_SECRET_KEY must be at least 32 characters'),
  PARLEY_ADMIN_EMAIL: z.email('PARLEY_ADMIN_EMAIL must be an email address').default('admin@parley.local'),
  PARLEY_ADMIN_PASSWORD: z
    .string()
    .min(12, 'PARLEY_ADMIN_PASSWORD must be at least 12 characters')
    .optional(),
  PARLEY_DEMO: z.enum(['on', 'off']).default('on'),
  PARLEY_FETCH_ALLOWLIST: list,
  PARLEY_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_{}-]+$/, 'PARLEY_QUEUE_PREFIX: letters, digits, _ - { }')
    .default('parley'),
  PARLEY_WEB_DIR: z.string().default('dist/web'),
  PARLEY_SAMPLE_DIR: z.string().default('examples/sample'),
  PARLEY_LOG_FORMAT: z.enum(['json', 'pretty']).default('pretty'),
  PARLEY_SECURE_COOKIES: z.enum(['on', 'off']).default('off'),
  PARLEY_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  PARLEY_JOB_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  PARLEY_REDIS_EVICTION: z.enum(['refuse', 'allow']).default('refuse'),
  PARLEY_SMTP_URL: url(['smtp:', 'smtps:'], 'PARLEY_SMTP_URL').optional(),
  PARLEY_SMTP_FROM: z.email('PARLEY_SMTP_FROM must be an email address').default('parley@localhost'),
  PARLEY_PUBLIC_URL: url(['http:', 'https:'], 'PARLEY_PUBLIC_URL').optional(),
  PARLEY_TOKEN_DAYS: z.coerce
    .number('PARLEY_TOKEN_DAYS must be a whole number of days')
    .int('PARLEY_TOKEN_DAYS must be a whole number of days')
    .min(1, 'PARLEY_TOKEN_DAYS must be at least 1')
    .max(3650, 'PARLEY_TOKEN_DAYS can be at most 3650 (ten years)')
    .default(90),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  databaseUrl: string;
  redisUrl: string;
  port: number;
  workerHealthPort: number;
  sessionSecret: string;
  /** Encrypts source secrets (credentials, tokens) at rest; changing it makes the stored ones unreadable. */
  secretKey: string;
  admin: { email: string; password: string | null };
  demo: boolean;
  fetchAllowlist: string[];
  queuePrefix: string;
  webDir: string;
  sampleDir: string;
  logFormat: 'json' | 'pretty';
  secureCookies: boolean;
  workerConcurrency: number;
  /** How long a job's lock lives without renewal; a crashed worker's job is retried after about this long. */
  jobLockMs: number;
  /** Start even when Redis may evict keys (and so lose queued jobs): an operator's explicit choice. */
  allowRedisEviction: boolean;
  /** How many days a new API token works for. */
  apiTokenDays: number;
  /** Where notification emails are sent through; null turns email off (in-app and webhooks still work). */
  smtp: { url: string; from: string } | null;
  /** The address people open Parley at, for links in emails and webhooks (no trailing slash). */
  publicUrl: string;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Parley cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates every setting at once, so a bad start-up lists every problem, not the first. */
export const parseConfig = (env: Record<string, string | undefined>): Config => {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
    );
  }
  const e = result.data;
  return {
    env: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    port: e.PORT,
    workerHealthPort: e.WORKER_HEALTH_PORT,
    sessionSecret: e.PARLEY_SESSION_SECRET,
    secretKey: e.PARLEY_SECRET_KEY,
    admin: { email: e.PARLEY_ADMIN_EMAIL, password: e.PARLEY_ADMIN_PASSWORD ?? null },
    demo: e.PARLEY_DEMO === 'on',
    fetchAllowlist: e.PARLEY_FETCH_ALLOWLIST,
    queuePrefix: e.PARLEY_QUEUE_PREFIX,
    webDir: e.PARLEY_WEB_DIR,
    sampleDir: e.PARLEY_SAMPLE_DIR,
    logFormat: e.PARLEY_LOG_FORMAT,
    secureCookies: e.PARLEY_SECURE_COOKIES === 'on',
    workerConcurrency: e.PARLEY_WORKER_CONCURRENCY,
    jobLockMs: e.PARLEY_JOB_LOCK_MS,
    allowRedisEviction: e.PARLEY_REDIS_EVICTION === 'allow',
    apiTokenDays: e.PARLEY_TOKEN_DAYS,
    smtp: e.PARLEY_SMTP_URL ? { url: e.PARLEY_SMTP_URL, from: e.PARLEY_SMTP_FROM } : null,
    publicUrl: (e.PARLEY_PUBLIC_URL ?? `http://localhost:${e.PORT || 3000}`).replace(/\/+$/, ''),
  };
};

let loaded: Config | null = null;

/** The process-wide configuration, read from `process.env` once. */
export const loadConfig = (): Config => {
  loaded ??= parseConfig(process.env);
  return loaded;
};
