// The public route pages: every route (/routes) and one route (/routes/:id) with its stops in order on a map,
// the day plan, a link opening the whole route in a maps app, and its sources folded; JSON-LD TouristTrip.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../deps.js';
import { isApproximate } from '../../domain/handbook/location-precision.js';
import { createPageRenderer, pageLanguage, withLang } from '../pages/render.js';
import { touristTrip } from '../pages/schema-org/trip.js';
import { redirectRenamedId } from './handbook.js';

const SLUG = /^[a-z0-9][a-z0-9_-]{0,99}$/;
const collators = { vi: new Intl.Collator('vi'), en: new Intl.Collator('en') };

export const routePages =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const { baseUrl, renderPage, notFoundPage } = createPageRenderer(deps);
    const t = deps.messages.t.bind(deps.messages);
    const handbook = deps.services.handbook;

    app.get('/routes', async (request, reply) => {
      const lang = pageLanguage(request);
      const routes = await handbook.browseRoutes();
      return renderPage(
        request,
        reply,
        'routes',
        { title: t(lang, 'web-route-list-title'), description: t(lang, 'web-route-list-intro') },
        { routes: [...routes].sort((a, b) => collators[lang].compare(a.name[lang], b.name[lang])) },
      );
    });

    app.get('/routes/:id', { preHandler: redirectRenamedId }, async (request, reply) => {
      const lang = pageLanguage(request);
      const id = (request.params as { id: string }).id;
      const route = SLUG.test(id) ? await handbook.getRouteItinerary(id) : null;
      if (!route) return notFoundPage(request, reply);
      const base = baseUrl(request);
      const days = t(lang, 'web-route-days', { days: route.days });
      const stops = t(lang, 'web-route-stop-count', { count: route.stops.length });
      return renderPage(
        request,
        reply,
        'route',
        {
          title: route.name[lang],
          description: t(lang, 'web-route-description', { theme: route.theme[lang], days, stops }),
          jsonLd: touristTrip(route, { url: `${base}${withLang(`/routes/${route.id}`, lang)}`, baseUrl: base, lang }),
        },
        {
          route,
          facts: [days, stops, t(lang, 'web-route-origin', { origin: route.origin })],
          stops: route.stops.map((stop) => ({ ...stop, approximate: stop.type === 'village' && isApproximate(stop.location) })),
        },
      );
    });
  };
