// GET /map: every village and route of the handbook on one map, with a legend (pins, circles, lines) and the routes
// to pick from; /map?route=<id> shows one route and its villages.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import type { RouteFeature, VillageFeature } from '../../services/handbook/map-geojson.js';
import { createPageRenderer, pageLanguage } from '../pages/render.js';

const mapPageQuery = z.object({
  route: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/)
    .optional(),
});

export const mapPageRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const { renderPage, notFoundPage } = createPageRenderer(deps);
    const t = deps.messages.t.bind(deps.messages);

    app.get('/map', async (request, reply) => {
      const lang = pageLanguage(request);
      const query = mapPageQuery.safeParse(request.query);
      if (!query.success) return notFoundPage(request, reply);
      const { features } = await deps.services.handbook.mapGeoJson();
      const villages = features.filter((f): f is VillageFeature => f.geometry.type === 'Point');
      const routes = features
        .filter((f): f is RouteFeature => f.geometry.type === 'LineString')
        .map((f) => ({ id: f.properties.id, name: f.properties.name[lang], stops: f.geometry.coordinates.length }));
      const route = query.data.route;
      const selected = route === undefined ? undefined : routes.find((r) => r.id === route);
      if (route !== undefined && !selected) return notFoundPage(request, reply);

      return renderPage(
        request,
        reply,
        'map',
        { title: selected ? `${selected.name} · ${t(lang, 'map-title')}` : t(lang, 'map-title'), description: t(lang, 'map-description') },
        {
          geojson: selected ? `/api/map.geojson?route=${encodeURIComponent(selected.id)}` : '/api/map.geojson',
          label: selected ? t(lang, 'map-route-label', { name: selected.name }) : t(lang, 'map-label'),
          selected,
          routes,
          villageCount: villages.length,
        },
      );
    });
  };
