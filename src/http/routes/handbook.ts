// The handbook as JSON for other apps (the city's sites, the staff console).
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';

const slug = z.string().regex(/^[a-z0-9-]{1,100}$/, 'not an id');
const idParams = z.object({ id: slug });
const villageQuery = z.object({ craft: slug.optional() });
const productQuery = z.object({
  village: slug.optional(),
  craft: slug.optional(),
  ocop: z
    .enum(['true', 'any', '3', '4', '5'], { error: 'ocop is "true" (any rating) or a minimum number of stars: 3, 4 or 5' })
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true' || value === 'any' ? ('any' as const) : (Number(value) as 3 | 4 | 5))),
});

export const handbookRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const handbook = deps.services.handbook;
    app.get('/api/villages', async (request) => {
      const villages = await handbook.listVillages(villageQuery.parse(request.query));
      return { count: villages.length, villages };
    });
    app.get('/api/villages/:id', async (request) => handbook.getVillage(idParams.parse(request.params).id));
    app.get('/api/routes', async () => {
      const routes = await handbook.listRoutes();
      return { count: routes.length, routes };
    });
    app.get('/api/routes/:id', async (request) => handbook.getRoute(idParams.parse(request.params).id));
    app.get('/api/products', async (request) => {
      const products = await handbook.listProducts(productQuery.parse(request.query));
      return { count: products.length, products };
    });
    app.get('/api/kpis', async () => handbook.computeKpis());
  };
