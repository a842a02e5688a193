// The handbook as staff check it: villages, routes and products, what `npm run content:check` says of the
// files right now, and the plan's indicators beside their 2030 targets as a chart.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../deps.js';
import { listProducts, listRoutes, listVillages } from '../../services/handbook/handbook-queries.js';
import { computeKpis } from '../../services/handbook/compute-kpis.js';
import { ContentError, loadHandbook } from '../../content/load.js';
import type { Render } from './render.js';

function checkContent(contentDir: string) {
  try {
    const handbook = loadHandbook(contentDir);
    return { ok: true as const, counts: { villages: handbook.villages.length, products: handbook.products.length, routes: handbook.routes.length } };
  } catch (error) {
    if (error instanceof ContentError) return { ok: false as const, problems: error.problems.slice(0, 100), more: Math.max(0, error.problems.length - 100) };
    return { ok: false as const, problems: [{ file: contentDir, line: 0, message: (error as Error).message }], more: 0 };
  }
}

export const consoleHandbookPages = (deps: AppDeps, render: Render): FastifyPluginAsync => async (app) => {
  app.get('/console/handbook', async (request, reply) => {
    const [villages, routes, products, kpis] = await Promise.all([listVillages(deps.prisma), listRoutes(deps.prisma), listProducts(deps.prisma), computeKpis(deps.prisma)]);
    return render(request, reply, 'handbook', { title: 'console-handbook', villages, routes, products, kpis, check: checkContent(deps.config.CONTENT_DIR) });
  });
};
