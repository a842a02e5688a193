// The OA access token, refreshed ahead of expiry and when Zalo says it is invalid. Refresh tokens are
// single use, so a refresh is single-flight: one promise per process, and a Redis lock across processes;
// the new pair is stored before anyone uses it, and whoever waited reads it from the database.
import type { Redis } from 'ioredis';
import type { ZaloTokenRepository } from '../../data/zalo-token-repository.js';
import type { Logger } from '../../logger.js';
import { registerSecret } from '../../logger.js';
import { refreshTokens, ZaloReauthorizationNeeded, type TokenPair } from './oauth.js';

const REFRESH_AHEAD_MS = 2 * 3600 * 1000;
const REFRESH_TOKEN_LIFETIME_MS = 90 * 24 * 3600 * 1000;
const LOCK_MS = 30_000;

export interface TokenProvider {
  /** A usable access token (refreshed first when it is close to expiry). */
  accessToken(): Promise<string>;
  /** Zalo said `stale` is invalid: refresh unless someone already did, and give the new one. */
  refreshAfterRejection(stale: string): Promise<string>;
}

export interface TokenStore {
  /** A pair from an authorisation (/zalo/oauth/callback), stored as the one to use. */
  store(pair: TokenPair): Promise<void>;
}

export function createTokenProvider(deps: {
  zaloTokens: ZaloTokenRepository;
  redis: Redis;
  keyPrefix: string;
  oauth: { oauthBase: string; appId: string; appSecret: string } | undefined;
  logger: Logger;
  /** The token from the environment, used until an authorisation stores a pair. */
  seed?: { accessToken: string; refreshToken?: string };
}): TokenProvider & TokenStore {
  let inFlight: Promise<string> | undefined;
  const lockKey = `${deps.keyPrefix}:zalo:refresh-lock`;

  async function current() {
    let row = await deps.zaloTokens.find();
    if (!row && deps.seed) {
      // Until zalo:connect has run: the configured token, treated as due for a refresh if it can be.
      row = await deps.zaloTokens.seed({
        accessToken: deps.seed.accessToken,
        refreshToken: deps.seed.refreshToken ?? null,
        accessExpiresAt: new Date(Date.now() + 3600 * 1000),
      });
    }
    if (row) {
      registerSecret(row.accessToken);
      registerSecret(row.refreshToken);
    }
    return row;
  }

  // The stored row, read at most once a second here: an answer is 2–3 sends, each asking for the token; another
  // process's refresh shows within the second (and a rejected token is refreshed from a fresh read anyway).
  let recent: { row: ReturnType<typeof current>; at: number } | undefined;
  function currentRecent() {
    if (!recent || Date.now() - recent.at > 1000) {
      const row = current();
      recent = { row, at: Date.now() };
      row.catch(() => (recent = undefined));
    }
    return recent.row;
  }

  function reauthorizationError() {
    return new ZaloReauthorizationNeeded('The Zalo refresh token no longer works: an OA admin must run `npm run zalo:connect` again.');
  }

  async function refresh(stale?: string): Promise<string> {
    const deadline = Date.now() + LOCK_MS;
    while (Date.now() < deadline) {
      const locked = await deps.redis.set(lockKey, String(process.pid), 'PX', LOCK_MS, 'NX');
      if (locked === 'OK') {
        try {
          const row = await current();
          if (!row) throw reauthorizationError();
          if (row.status === 'reauthorize') throw reauthorizationError();
          // Someone else refreshed while we waited for the lock.
          if (row.accessToken !== stale && row.accessExpiresAt.getTime() - Date.now() > REFRESH_AHEAD_MS) return row.accessToken;
          if (!row.refreshToken || !deps.oauth) throw reauthorizationError();
          let pair: TokenPair;
          try {
            pair = await refreshTokens(deps.oauth, row.refreshToken);
          } catch (error) {
            if (error instanceof ZaloReauthorizationNeeded) {
              // Said once, loudly; sends fail fast from now on instead of retrying a spent token.
              await deps.zaloTokens.markReauthorize();
              deps.logger.error('Zalo refresh token refused: OA messages stop until an admin runs `npm run zalo:connect`');
            }
            throw error;
          }
          registerSecret(pair.accessToken);
          registerSecret(pair.refreshToken);
          await storeTokens(deps.zaloTokens, pair);
          deps.logger.info({ expiresIn: pair.expiresIn }, 'Zalo access token refreshed');
          return pair.accessToken;
        } finally {
          await deps.redis.del(lockKey).catch(() => {});
        }
      }
      // Another process is refreshing: wait for it, then use what it stored.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const row = await current();
      if (row?.status === 'reauthorize') throw reauthorizationError();
      if (row && row.accessToken !== stale && row.accessExpiresAt.getTime() - Date.now() > REFRESH_AHEAD_MS) return row.accessToken;
    }
    throw new Error('Zalo token refresh: gave up waiting for another process');
  }

  function singleFlight(stale?: string): Promise<string> {
    inFlight ??= refresh(stale).finally(() => {
      inFlight = undefined;
      recent = undefined;
    });
    return inFlight;
  }

  return {
    async accessToken() {
      const row = await currentRecent();
      if (!row) throw reauthorizationError();
      if (row.status === 'reauthorize') throw reauthorizationError();
      const dueSoon = row.accessExpiresAt.getTime() - Date.now() < REFRESH_AHEAD_MS;
      if (dueSoon && row.refreshToken && deps.oauth) return singleFlight(row.accessToken);
      return row.accessToken;
    },
    refreshAfterRejection: (stale) => singleFlight(stale),
    store: (pair) => storeTokens(deps.zaloTokens, pair).finally(() => (recent = undefined)),
  };
}

async function storeTokens(zaloTokens: ZaloTokenRepository, pair: TokenPair): Promise<void> {
  await zaloTokens.save({
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
    accessExpiresAt: new Date(Date.now() + pair.expiresIn * 1000),
    refreshExpiresAt: new Date(Date.now() + REFRESH_TOKEN_LIFETIME_MS),
    status: 'ok',
  });
}
