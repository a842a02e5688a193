// What `npm run telegram:setup` sets on Telegram: the webhook (URL, secret, the updates we handle), the
// command menu in Vietnamese and English, and the bot's descriptions.
import type { Api } from 'grammy';
import type { Messages } from '../../i18n/messages.js';

export const allowedUpdates = ['message', 'callback_query', 'inline_query'] as const;
const menuCommands = ['start', 'help', 'language', 'villages', 'routes', 'nearby'] as const;

export async function setupTelegram(api: Api, messages: Messages, webhook?: { url: string; secret: string }): Promise<string[]> {
  const done: string[] = [];
  if (webhook) {
    await api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...allowedUpdates], drop_pending_updates: false });
    done.push(`webhook: ${webhook.url} (secret set; updates: ${allowedUpdates.join(', ')})`);
  } else {
    await api.deleteWebhook();
    done.push('webhook: removed (polling mode)');
  }
  for (const lang of ['en', 'vi'] as const) {
    const commands = menuCommands.map((command) => ({ command, description: messages.t(lang, `commands-${command}`) }));
    // English is also the default for every other client language.
    const scope = lang === 'en' ? {} : { language_code: lang };
    await api.setMyCommands(commands, scope);
    await api.setMyDescription(messages.t(lang, 'bot-description'), scope);
    await api.setMyShortDescription(messages.t(lang, 'bot-short-description'), scope);
    done.push(`commands and descriptions (${lang === 'en' ? 'en, default' : lang}): ${commands.map((c) => `/${c.command}`).join(' ')}`);
  }
  return done;
}
