// X-ZEvent-Signature: "mac=" + hex SHA-256 of app_id + raw body + timestamp + OA secret key
// (a plain digest, not an HMAC; app_id and timestamp are the body's own values).
import { createHash, timingSafeEqual } from 'node:crypto';

export function zaloSignature(appId: string, rawBody: string, timestamp: string, oaSecretKey: string): string {
  return createHash('sha256')
    .update(appId + rawBody + timestamp + oaSecretKey, 'utf8')
    .digest('hex');
}

export function verifyZaloSignature(rawBody: string, header: string | undefined, expected: { appId: string; oaSecretKey: string }): boolean {
  if (!header) return false;
  let body: { app_id?: unknown; timestamp?: unknown };
  try {
    body = JSON.parse(rawBody);
  } catch {
    return false;
  }
  if (!body || typeof body !== 'object' || String(body.app_id) !== expected.appId || body.timestamp === undefined) return false;
  const want = Buffer.from(zaloSignature(expected.appId, rawBody, String(body.timestamp), expected.oaSecretKey));
  const got = Buffer.from(header.trim().replace(/^mac=/i, '').toLowerCase());
  return want.length === got.length && timingSafeEqual(want, got);
}
