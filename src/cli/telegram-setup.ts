// `npm run telegram:setup`: sets the webhook (PUBLIC_URL + /telegram/webhook, with the secret), the
// commands in vi and en and the bot's description, and prints what it set.
import { join } from 'node:path';
import { Api } from 'grammy';
import { Messages } from '../i18n/messages.js';
import { setupTelegram } from '../channels/telegram/setup.js';
import { loadCliConfig } from './bootstrap.js';

const config = loadCliConfig();
if (!config.TELEGRAM_BOT_TOKEN) {
  console.error('TELEGRAM_BOT_TOKEN is not set.');
  process.exit(2);
}
if (config.TELEGRAM_MODE === 'webhook' && !config.PUBLIC_URL) {
  console.error('TELEGRAM_MODE=webhook needs PUBLIC_URL (the https address Telegram will call).');
  process.exit(2);
}
const api = new Api(config.TELEGRAM_BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT });
const webhook =
  config.TELEGRAM_MODE === 'webhook' ? { url: new URL('/telegram/webhook', config.PUBLIC_URL).toString(), secret: config.TELEGRAM_WEBHOOK_SECRET! } : undefined;
for (const line of await setupTelegram(api, new Messages(join(config.CONTENT_DIR, 'locales')), webhook)) console.log(line);
