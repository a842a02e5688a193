// One error type for the use cases, with a code from one union: the HTTP edge chooses the status from the
// code (src/http/error-status.ts), the chat edges their words; use cases never pick either.
export type ErrorCode =
  // the input is malformed
  | 'bad_request'
  | 'bad_upload'
  | 'bad_csv'
  | 'bad_range'
  | 'bad_target'
  | 'bad_time'
  | 'bad_phone'
  | 'in_the_past'
  | 'weak_password'
  | 'unknown_village'
  | 'unknown_stage'
  // the body is of a kind the endpoint does not take
  | 'not_multipart'
  | 'not_csv'
  | 'too_large'
  // the input is well-formed but cannot be used
  | 'not_a_video'
  | 'too_big_for_telegram'
  | 'unknown_target'
  | 'not_found'
  // the state does not allow it
  | 'exists'
  | 'changed'
  | 'published'
  | 'not_waiting'
  | 'not_retryable'
  | 'not_resendable'
  | 'clip_unusable'
  | 'no_free_slot'
  | 'target_not_configured';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);

// Errors that mean PostgreSQL or Redis is not answering (down, restarting, out of connections), anywhere
// in an error's chain of causes: the request gets 503, not 500, and the process carries on.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'P1001',
  'P1002',
  'P1017',
  'P2024',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|Connection is closed|terminating connection due to administrator command|Code: `57P0[123]`|connect ECONNREFUSED|Can't reach database server|the database system is (shutting down|starting up)|max retries per request|Stream isn't writeable/i;

/** PostgreSQL refused text with a NUL character (SQLSTATE 22021, 22P05): the sender's input, not our fault. */
export function isNulText(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  return /Code: `22021`|Code: `22P05`|invalid byte sequence for encoding "UTF8": 0x00|unsupported Unicode escape sequence/.test(String(e?.message ?? ''));
}

export function isUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 6; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  }
  return false;
}
