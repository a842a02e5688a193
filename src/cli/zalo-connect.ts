// `npm run zalo:connect`: walks an OA admin through the first authorisation of the Official Account.
// Prints the link to open (Zalo asks the admin to consent), waits for /zalo/oauth/callback on the running
// server to store the tokens, and says plainly when a stored refresh token has expired.
import { Redis } from 'ioredis';
import { startAuthorisation } from '../channels/zalo/connect.js';
import { exit, loadCliConfig, openDatabase } from './bootstrap.js';

const config = loadCliConfig();
const missing = (['ZALO_APP_ID', 'ZALO_APP_SECRET_KEY', 'PUBLIC_URL'] as const).filter((key) => !config[key]);
if (missing.length) {
  console.error(`Set ${missing.join(', ')} first (PUBLIC_URL is the https address where this server answers /zalo/oauth/callback).`);
  process.exit(2);
}
const { repos, close } = await openDatabase(config);
const redis = new Redis(config.REDIS_URL);

const existing = await repos.zaloTokens.find();
if (existing?.status === 'reauthorize' || (existing?.refreshExpiresAt && existing.refreshExpiresAt < new Date())) {
  console.log('The stored refresh token has expired or was refused by Zalo: a new authorisation is needed.');
} else if (existing) {
  console.log(`A token is stored (access valid until ${existing.accessExpiresAt.toISOString()}); authorising again replaces it.`);
}
const started = new Date();
const { url, redirectUri } = await startAuthorisation(redis, {
  prefix: config.QUEUE_PREFIX,
  oauthBase: config.ZALO_OAUTH_BASE,
  appId: config.ZALO_APP_ID!,
  publicUrl: config.PUBLIC_URL!,
});
console.log(`\n1. In the Zalo for Developers app settings, allow the callback URL:\n   ${redirectUri}`);
console.log(`2. Open this link as an admin of the Official Account and accept:\n   ${url}`);
console.log('3. Waiting (up to 10 minutes) for the server to receive the answer…');
const deadline = Date.now() + 10 * 60_000;
let done = false;
while (!done && Date.now() < deadline) {
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const row = await repos.zaloTokens.find();
  if (row && row.updatedAt > started && row.status === 'ok') {
    console.log(
      `Connected. Access token valid until ${row.accessExpiresAt.toISOString()}; LangNghe refreshes it by itself until ${row.refreshExpiresAt?.toISOString() ?? '(unknown)'}.`,
    );
    done = true;
  }
}
if (!done) console.error('No answer arrived in 10 minutes: is the server running at PUBLIC_URL? Run the command again.');
redis.disconnect();
await close();
exit(done ? 0 : 1);
