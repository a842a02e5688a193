// createBot(deps): the Telegram bot. Only main.ts decides whether it runs by webhook or polling.
import { Bot } from 'grammy';
import type { Logger } from '../../logger.js';
import type { AskDeps } from '../../services/ask/answer-question.js';
import { askFeature } from './features/ask.feature.js';

export interface TelegramDeps {
  token: string;
  apiRoot: string;
  ask: AskDeps;
  logger: Logger;
}

export function createBot(deps: TelegramDeps): Bot {
  const bot = new Bot(deps.token, { client: { apiRoot: deps.apiRoot, timeoutSeconds: 30 } });
  bot.use(askFeature(deps));
  // One error boundary: a failing update is logged (grammY keeps the token out of its errors).
  bot.catch((error) => {
    deps.logger.error({ err: error.error, updateId: error.ctx.update.update_id }, 'telegram update failed');
  });
  return bot;
}
