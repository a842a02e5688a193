// pino, with every configured secret scrubbed from every line, whatever field or message carries it.
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

const REDACTED = '[redacted]';

export function createLogger(options: { level: string; secrets: string[]; destination?: DestinationStream }): Logger {
  const scrub = makeScrubber(options.secrets);
  return pino({
    level: options.level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers["x-telegram-bot-api-secret-token"]', 'req.headers.access_token'],
      censor: REDACTED,
    },
    formatters: { log: (object) => scrub(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? (scrub(arg) as string) : arg)) as Parameters<typeof method>);
      },
    },
    serializers: { err: (err: Error) => scrub(pino.stdSerializers.err(err)) },
  }, options.destination);
}

export function makeScrubber(secrets: string[]): (value: unknown) => unknown {
  const list = [...new Set(secrets)].filter(Boolean).sort((a, b) => b.length - a.length);
  const scrub = (value: unknown, depth = 0): unknown => {
    if (list.length === 0 || depth > 8) return value;
    if (typeof value === 'string') return list.reduce((text, secret) => text.split(secret).join(REDACTED), value);
    if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
    if (value instanceof Error) return scrub(pino.stdSerializers.err(value), depth + 1);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrub(item, depth + 1)]));
    }
    return value;
  };
  return scrub;
}
