// Zalo OAuth v4 for Official Accounts: the admin's consent (with PKCE), the code exchange and the
// refresh, over plain HTTP. The app secret travels in the `secret_key` header, never in the body.
import { createHash, randomBytes } from 'node:crypto';
import { loadAxios, zaloHttp } from './load-axios.js';

const http = zaloHttp({ timeout: 10_000 });

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token lives (Zalo says 90000, 25 h; trust what it returns). */
  expiresIn: number;
}

/** The refresh token is spent or expired: only a new authorisation by an OA admin helps. */
export class ZaloReauthorizationNeeded extends Error {
  name = 'ZaloReauthorizationNeeded';
}

export class ZaloOAuthError extends Error {
  name = 'ZaloOAuthError';
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url'); // 43 characters
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(options: { oauthBase: string; appId: string; redirectUri: string; challenge: string; state: string }): string {
  const url = new URL('/v4/oa/permission', options.oauthBase);
  url.searchParams.set('app_id', options.appId);
  url.searchParams.set('redirect_uri', options.redirectUri);
  url.searchParams.set('code_challenge', options.challenge);
  url.searchParams.set('state', options.state);
  return url.toString();
}

async function tokenCall(options: { oauthBase: string; appId: string; appSecret: string }, form: Record<string, string>): Promise<TokenPair> {
  let data: Record<string, unknown>;
  try {
    const response = await (
      await http()
    ).post(new URL('/v4/oa/access_token', options.oauthBase).toString(), new URLSearchParams({ app_id: options.appId, ...form }), {
      headers: { secret_key: options.appSecret, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    data = response.data as Record<string, unknown>;
  } catch (error) {
    const axios = await loadAxios();
    // Never pass axios' error on: its config holds the secret header.
    const status = axios.isAxiosError(error) ? error.response?.status : undefined;
    throw new ZaloOAuthError(`Zalo OAuth call failed: ${status ? `HTTP ${status}` : axios.isAxiosError(error) ? error.code : 'network error'}`);
  }
  if (typeof data.access_token === 'string' && typeof data.refresh_token === 'string') {
    return { accessToken: data.access_token, refreshToken: data.refresh_token, expiresIn: Number(data.expires_in) || 3600 };
  }
  const reason = String(data.error_description ?? data.message ?? data.error ?? 'no tokens in the answer');
  if (form.grant_type === 'refresh_token')
    throw new ZaloReauthorizationNeeded(`Zalo refused the refresh token (${reason}): an OA admin must run \`npm run zalo:connect\` again.`);
  throw new ZaloOAuthError(`Zalo refused the authorisation code: ${reason}`);
}

export const exchangeCode = (options: { oauthBase: string; appId: string; appSecret: string }, code: string, verifier: string) =>
  tokenCall(options, { grant_type: 'authorization_code', code, code_verifier: verifier });

export const refreshTokens = (options: { oauthBase: string; appId: string; appSecret: string }, refreshToken: string) =>
  tokenCall(options, { grant_type: 'refresh_token', refresh_token: refreshToken });
