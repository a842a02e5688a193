// The first authorisation of an Official Account (`npm run zalo:connect`): a PKCE verifier kept in Redis
// under a random state for 10 minutes; the admin opens the link; /zalo/oauth/callback finishes it.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { authorizeUrl, pkcePair } from './oauth.js';

export const oauthStateKey = (prefix: string, state: string) => `${prefix}:zalo:oauth:${state}`;

export async function startAuthorisation(redis: Redis, options: { prefix: string; oauthBase: string; appId: string; publicUrl: string }) {
  const { verifier, challenge } = pkcePair();
  const state = randomBytes(16).toString('base64url');
  await redis.set(oauthStateKey(options.prefix, state), verifier, 'EX', 600);
  const redirectUri = new URL('/zalo/oauth/callback', options.publicUrl).toString();
  return { url: authorizeUrl({ oauthBase: options.oauthBase, appId: options.appId, redirectUri, challenge, state }), state, redirectUri };
}
