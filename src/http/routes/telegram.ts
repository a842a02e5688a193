// POST /telegram/webhook: grammY's own webhook adapter, which answers 401 to a wrong secret token.
// A body that is not JSON is logged and acknowledged like any update: Telegram would only resend it.
import type { FastifyPluginAsync } from 'fastify';
import { webhookCallback } from 'grammy';
import type { AppDeps } from '../deps.js';

export const telegramRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    if (deps.config.TELEGRAM_MODE !== 'webhook' || !deps.bot) return;
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        request.log.warn({ bytes: (body as string).length }, 'telegram webhook: body is not JSON');
        done(null, {});
      }
    });
    const handle = webhookCallback(deps.bot, 'fastify', {
      secretToken: deps.config.TELEGRAM_WEBHOOK_SECRET,
      onTimeout: 'return',
      timeoutMilliseconds: 8_000,
    });
    app.post('/telegram/webhook', async (request, reply) => {
      const body = request.body;
      if (!body || typeof body !== 'object' || Array.isArray(body)) request.body = {};
      return handle(request, reply);
    });
  };
