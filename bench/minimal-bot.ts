// The smallest possible grammY webhook bot (a constant reply, no database), for bench/telegram-webhook.
import Fastify from 'fastify';
import { Bot, webhookCallback } from 'grammy';

const bot = new Bot(process.env.TELEGRAM_BOT_TOKEN!, {
  botInfo: {
    id: 42,
    is_bot: true,
    first_name: 'Minimal',
    username: 'minimal_bot',
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  },
  client: { apiRoot: process.env.TELEGRAM_API_ROOT },
});
bot.on('message', (ctx) => ctx.reply('ok'));
const server = Fastify();
server.post('/telegram/webhook', webhookCallback(bot, 'fastify', { secretToken: process.env.TELEGRAM_WEBHOOK_SECRET }));
console.log(`MINIMAL ${await server.listen({ port: 0, host: '127.0.0.1' })}`);
