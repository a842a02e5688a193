// The handbook as JSON for other apps (the city's sites, the staff console).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';

const slug = z.string().regex(/^[a-z0-9-]{1,100}$/, 'not an id');
const idParams = z.object({ id: slug });
const villageQuery = z.object({ craft: slug.optional() });
const mapQuery = z
  .object({ route: slug.optional(), village: slug.optional() })
  .refine((q) => !(q.route && q.village), { message: 'give either route or village, not both', path: ['village'] });
const productQuery = z.object({
  village: slug.optional(),
  craft: slug.optional(),
  ocop: z
    .enum(['true', 'any', '3', '4', '5'], { error: 'ocop is "true" (any rating) or a minimum number of stars: 3, 4 or 5' })
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true' || value === 'any' ? ('any' as const) : (Number(value) as 3 | 4 | 5))),
});

/**
 * Handbook ids renamed after they were published (old → new). Links and chat buttons with an old id keep
 * working: every page or API address taking an `:id` answers with a 301 to the same address with the new id.
 */
export const renamedIds: ReadonlyMap<string, string> = new Map([['vu-art-van-phuc', 'vun-art-van-phuc']]);

/** A preHandler hook: redirects an address whose `:id` was renamed, keeping its path and query. */
export async function redirectRenamedId(request: FastifyRequest, reply: FastifyReply) {
  const id = (request.params as { id?: unknown } | undefined)?.id;
  const renamed = typeof id === 'string' ? renamedIds.get(id) : undefined;
  if (!renamed) return;
  const [path = '', query] = request.url.split('?');
  const moved = `${path.slice(0, path.lastIndexOf('/') + 1)}${renamed}${query === undefined ? '' : `?${query}`}`;
  return reply.redirect(moved, 301);
}

export const handbookRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const handbook = deps.services.handbook;
    app.addHook('preHandler', redirectRenamedId);
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
    // Public GeoJSON (RFC 7946) for the map page and other map tools; ?route=<id> keeps that route and its villages,
    // ?village=<id> that village's point.
    app.get('/api/map.geojson', async (request, reply) => {
      const collection = await handbook.mapGeoJson(mapQuery.parse(request.query));
      return reply.type('application/geo+json; charset=utf-8').send(JSON.stringify(collection));
    });
  };
