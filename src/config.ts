// One zod schema over the environment. A bad value stops start-up with one message naming every bad key.
import { resolve } from 'node:path';
import { z } from 'zod';

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const url = (fallback: string) => z.url().default(fallback);

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // pretty: readable lines (pino-pretty); json: one JSON object a line; auto: pretty on a terminal, else JSON.
    LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
    PUBLIC_URL: z.url().optional(),
    DATABASE_URL: url('postgresql://postgres@127.0.0.1:5432/langnghe'),
    REDIS_URL: url('redis://127.0.0.1:6379'),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[\w:.-]+$/)
      .default('langnghe'),
    CONTENT_DIR: z.string().default('./content'),
    MEDIA_DIR: z.string().default('./data/media'),
    // How long a stopping server lets requests in flight finish before it drops their connections.
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(10),
    MAX_UPLOAD_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(4 * 1024 ** 3),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
    // How long a job may go without its worker's heartbeat before another worker takes it over.
    JOB_LOCK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    CLIP_MIN_SECONDS: z.coerce.number().min(0).default(1),
    CLIP_MAX_SECONDS: z.coerce.number().positive().default(1800),
    FFMPEG_THREADS: z.coerce.number().int().min(0).max(64).default(0),
    FFMPEG_PRESET: z.enum(['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium']).default('veryfast'),
    FFMPEG_PATH: optionalString,
    FFPROBE_PATH: optionalString,
    TELEGRAM_BOT_TOKEN: optionalString,
    TELEGRAM_MODE: z.enum(['webhook', 'polling', 'off']).optional(),
    TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,256}$/, 'use 1-256 characters A-Z, a-z, 0-9, _ or -')
        .optional(),
    ),
    TELEGRAM_API_ROOT: url('https://api.telegram.org'),
    TELEGRAM_CHANNEL_ID: optionalString,
    // Answer the first message of an update in the webhook's HTTP response: one call fewer per update.
    TELEGRAM_WEBHOOK_REPLY: z
      .enum(['true', 'false'])
      .default('true')
      .transform((value) => value === 'true'),
    // A self-hosted Bot API server in local mode takes uploads up to 2000 MB; the cloud one 50 MB.
    TELEGRAM_LOCAL_MODE: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
    // Where staff hear of late and failed publications (a group or a person's chat id).
    TELEGRAM_STAFF_CHAT_ID: optionalString,
    // Each target's daily slots in Hanoi time until staff set their own (PUT /api/targets/:target/slots).
    PUBLISH_SLOTS: z
      .string()
      .default('08:00,12:00,19:30')
      .transform((value) =>
        value
          .split(',')
          .map((slot) => slot.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'slots are HH:MM, comma-separated')).min(1)),
    ZALO_MODE: z.enum(['oa', 'bot']).default('oa'),
    ZALO_APP_ID: optionalString,
    ZALO_APP_SECRET_KEY: optionalString,
    ZALO_OA_SECRET_KEY: optionalString,
    ZALO_ACCESS_TOKEN: optionalString,
    ZALO_REFRESH_TOKEN: optionalString,
    ZALO_API_BASE: url('https://openapi.zalo.me'),
    ZALO_OAUTH_BASE: url('https://oauth.zaloapp.com'),
    // Events older than this are replays (Zalo's own retries of a slow answer come within it).
    ZALO_REPLAY_WINDOW_SECONDS: z.coerce
      .number()
      .int()
      .min(10)
      .max(24 * 3600)
      .default(600),
    ZALO_BOT_TOKEN: optionalString,
    ZALO_BOT_WEBHOOK_SECRET: optionalString,
    ZALO_BOT_API_BASE: url('https://bot-api.zaloplatforms.com'),
    GOOGLE_TRANSLATE_API_KEY: optionalString,
    GOOGLE_TRANSLATE_ENDPOINT: z.url().optional(),
    // Requests a minute per client address on the public endpoints (ask, handbook, pages); 0 turns it off.
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(120),
    // The public map's tiles ({z}/{x}/{y}); OpenStreetMap's standard tiles ask for their attribution and light use.
    MAP_TILE_URL: z.string().trim().min(1).default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
    MAP_TILE_ATTRIBUTION: z.string().trim().default('© OpenStreetMap contributors'),
    // The question log: every question answered, for the insights page (QUESTION_LOG=off keeps nothing).
    QUESTION_LOG: z.enum(['on', 'off']).default('on'),
    QUESTION_LOG_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    // Keys the visitor hash; generated and stored in PostgreSQL on first start when not set.
    QUESTION_LOG_KEY: optionalString,
    // When set, GET /metrics wants it as a Bearer token.
    METRICS_TOKEN: optionalString,
    // Other sites (the city's portal) whose pages may embed the web chat: comma-separated origins.
    CHAT_ALLOWED_ORIGINS: z
      .string()
      .default('')
      .transform((list) =>
        list
          .split(',')
          .map((origin) => origin.trim().replace(/\/$/, ''))
          .filter(Boolean),
      ),
  })
  .transform((env) => ({
    ...env,
    // Paths made absolute once, from the working folder at start-up: no later chdir, spawn cwd or join
    // can meet a relative media path (a relative MEDIA_DIR made every clip fail inside ffmpeg).
    CONTENT_DIR: resolve(env.CONTENT_DIR),
    MEDIA_DIR: resolve(env.MEDIA_DIR),
    // No token, no Telegram: the default mode follows the token.
    TELEGRAM_MODE: env.TELEGRAM_BOT_TOKEN ? (env.TELEGRAM_MODE ?? 'polling') : 'off',
  }));

// Rules between keys, checked on the raw environment so they are reported together with the rest.
function crossKeyProblems(env: NodeJS.ProcessEnv): string[] {
  const set = (key: string) => Boolean(env[key]?.trim());
  const problems: string[] = [];
  if (set('TELEGRAM_BOT_TOKEN') && env.TELEGRAM_MODE === 'webhook' && !set('TELEGRAM_WEBHOOK_SECRET')) {
    problems.push('TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_MODE=webhook');
  }
  return problems;
}

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  // Name the key and the problem, never the value: it may be a secret.
  const problems = [...(result.error?.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`) ?? []), ...crossKeyProblems(env)];
  if (problems.length || !result.success) throw new ConfigError(problems);
  return result.data;
}

/** Values that must never appear in a log line or a reply. */
export function secretsOf(config: Config): string[] {
  const passwords = [config.DATABASE_URL, config.REDIS_URL].map((value) => decodeURIComponent(new URL(value).password));
  return [
    config.TELEGRAM_BOT_TOKEN,
    config.TELEGRAM_WEBHOOK_SECRET,
    config.ZALO_OA_SECRET_KEY,
    config.ZALO_ACCESS_TOKEN,
    config.ZALO_REFRESH_TOKEN,
    config.ZALO_APP_SECRET_KEY,
    config.ZALO_BOT_TOKEN,
    config.ZALO_BOT_WEBHOOK_SECRET,
    config.GOOGLE_TRANSLATE_API_KEY,
    config.QUESTION_LOG_KEY,
    ...passwords,
  ].filter((value): value is string => Boolean(value && value.length >= 4));
}
