// pino, with every configured secret scrubbed from every line, whatever field or message carries it.
// Lines are JSON, or readable ones from pino-pretty: it formats the lines pino has already scrubbed.
import pino, { type DestinationStream, type Logger } from 'pino';
import { createRequire } from 'node:module';

export type { Logger };

/** json: one JSON object a line; pretty: readable lines; auto: pretty when the output is a terminal. */
export type LogFormat = 'auto' | 'json' | 'pretty';

const REDACTED = '[redacted]';

export function createLogger(options: {
  level: string;
  secrets: string[];
  /** Where lines go; standard output when absent. */
  destination?: DestinationStream;
  /** JSON when absent. 'auto' asks whether the destination (standard output when absent) is a terminal. */
  format?: LogFormat;
}): Logger {
  const scrub = makeScrubber(options.secrets);
  return pino(
    {
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
      serializers: { err: (err: Error) => scrub(errorFields(err)) },
    },
    isPretty(options.format ?? 'json', options.destination) ? prettyStream(options.destination) : options.destination,
  );
}

function isTerminal(stream: unknown): boolean {
  return (stream as { isTTY?: boolean } | undefined)?.isTTY === true;
}

function isPretty(format: LogFormat, destination: DestinationStream | undefined): boolean {
  if (format === 'auto') return isTerminal(destination ?? process.stdout);
  return format === 'pretty';
}

// Takes pino's finished JSON lines, scrubbed like any other, and writes them readable: it sees no raw value.
function prettyStream(destination: DestinationStream | undefined): DestinationStream {
  // Loaded only for readable lines: a server logging JSON does not hold it (issue 20).
  const pinoPretty = createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');
  return pinoPretty({
    destination: destination ?? 1,
    sync: true, // standard output as pino writes it: nothing held back when the process exits
    // Colours only on a terminal (pino-pretty's own check for standard output).
    colorize: destination ? isTerminal(destination) : pinoPretty.isColorSupported,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'hostname',
  });
}

// What a log needs of an error. Not all its fields: grammY's errors carry the whole update context.
function errorFields(error: Error): Record<string, unknown> {
  const extra = error as Error & { code?: unknown; description?: unknown; error_code?: unknown; method?: unknown; error?: unknown; cause?: unknown };
  const inner = extra.error instanceof Error ? extra.error : extra.cause instanceof Error ? extra.cause : undefined;
  return {
    type: error.name,
    message: error.message,
    stack: error.stack,
    ...(extra.code !== undefined ? { code: extra.code } : {}),
    ...(extra.method !== undefined ? { method: extra.method } : {}),
    ...(extra.error_code !== undefined ? { errorCode: extra.error_code, description: extra.description } : {}),
    ...(inner ? { cause: errorFields(inner) } : {}),
  };
}

// Secrets learnt while running (Zalo's rotating tokens), scrubbed like the configured ones.
const learnt = new Set<string>();
export function registerSecret(value: string | null | undefined): void {
  if (value && value.length >= 6) learnt.add(value);
}

export function makeScrubber(secrets: string[]): (value: unknown) => unknown {
  const configured = [...new Set(secrets)].filter(Boolean);
  let list: string[] = [];
  let known = -1;
  const scrub = (value: unknown, depth = 0): unknown => {
    if (known !== learnt.size) {
      list = [...new Set([...configured, ...learnt])].sort((a, b) => b.length - a.length);
      known = learnt.size;
    }
    if (list.length === 0 || depth > 8) return value;
    if (typeof value === 'string') return list.reduce((text, secret) => text.split(secret).join(REDACTED), value);
    if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
    if (value instanceof Error) return scrub(errorFields(value), depth + 1);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrub(item, depth + 1)]));
    }
    return value;
  };
  return scrub;
}
