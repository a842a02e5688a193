// Teaching the bot over JSON: POST /api/learned-phrasings {"text","target":{"type","id"}|{"intent"}} → 201,
// GET lists them, DELETE /api/learned-phrasings/:id → 204. Editors and admins, by token or console session.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { learnedTargetSchema } from '../../content/schema.js';
import { MAX_PHRASING_LENGTH } from '../../services/learning/teach.js';
import { requireStaff } from '../staff-auth.js';
import type { AppDeps } from '../deps.js';

const teachBody = z.object(
  {
    text: z.string({ error: 'text is required' }).trim().min(1, 'text is empty').max(MAX_PHRASING_LENGTH, `text is at most ${MAX_PHRASING_LENGTH} characters`),
    target: learnedTargetSchema,
  },
  { error: 'the body is {"text", "target": {"type", "id"} or {"intent"}}' },
);
const idParams = z.object({ id: z.string() });

export const learnedPhrasingRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const { learning } = deps.services;
    app.addHook('preHandler', requireStaff(deps.services.staff));

    app.get('/api/learned-phrasings', async () => learning.list());

    app.post('/api/learned-phrasings', async (request, reply) => {
      const body = teachBody.parse(request.body);
      const { phrasing } = await learning.teach(body, request.staff?.id);
      return reply.code(201).send(phrasing);
    });

    app.delete('/api/learned-phrasings/:id', async (request, reply) => {
      await learning.undo(idParams.parse(request.params).id);
      return reply.code(204).send();
    });
  };
