// What visitors ask, as JSON for other tools: GET /api/insights (counts, visitors, share answered, per day ×
// channel × language, what was asked most) and GET /api/insights/unanswered (unanswered questions grouped by
// similar wording). ?from=&to= are Hanoi days (YYYY-MM-DD, `to` included) or ISO 8601 times; the last 30 days
// without them. Staff token or session, editors and admins.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { requireStaff } from '../staff-auth.js';
import type { AppDeps } from '../deps.js';
import { parsePeriod } from '../../domain/insights/period.js';

const periodQuery = z.object({
  from: z.string().max(64).optional(),
  to: z.string().max(64).optional(),
  days: z.string().max(8).optional(),
});

export const insightsRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const { insights } = deps.services;
    app.addHook('preHandler', requireStaff(deps.services.staff, 'editor'));

    app.get('/api/insights', async (request, reply) => {
      const period = parsePeriod(periodQuery.parse(request.query));
      return reply.header('cache-control', 'no-store').send(await insights.compute(period));
    });

    app.get('/api/insights/unanswered', async (request, reply) => {
      const period = parsePeriod(periodQuery.parse(request.query));
      const groups = await insights.unanswered(period);
      return reply.header('cache-control', 'no-store').send(groups);
    });
  };
