// POST /api/ask: the Q&A engine's contract for other apps and the chat channels.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';

const askBody = z.object({
  text: z.string().trim().min(1, 'ask something').max(2000),
  conversation: z.string().min(1).max(100).optional(),
  lang: z.string().max(16).optional(),
  location: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
});

export const askRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    app.post('/api/ask', async (request) => {
      const question = askBody.parse(request.body);
      return deps.services.ask.answer(question, { channel: 'api', chat: question.conversation });
    });
  };
