// POST /telegram/webhook: grammY's own webhook adapter, which answers 401 to a wrong secret token.
import type { FastifyPluginAsync } from 'fastify';
import { webhookCallback } from 'grammy';
import type { AppDeps } from '../deps.js';

export const telegramRoutes = (deps: AppDeps): FastifyPluginAsync => async (app) => {
  if (deps.config.TELEGRAM_MODE !== 'webhook' || !deps.bot) return;
  const handle = webhookCallback(deps.bot, 'fastify', {
    secretToken: deps.config.TELEGRAM_WEBHOOK_SECRET,
    onTimeout: 'return',
    timeoutMilliseconds: 8_000,
  });
  app.post('/telegram/webhook', handle);
};
