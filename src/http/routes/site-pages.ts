// The public site around the handbook's pages: the home page (/), the sitemap with every public page in both
// languages (/sitemap.xml), robots.txt and the site's stylesheet; and (notFoundPages) the 404 page in the
// visitor's language for any address the site does not have (a JSON 404 for /api/).
import type { FastifyPluginAsync } from 'fastify';
import compress from '@fastify/compress';
import { constants as zlib } from 'node:zlib';
import type { AppDeps } from '../deps.js';
import { createPageRenderer, pageLanguage } from '../pages/render.js';
import { siteAssetRoutes } from '../pages/site-assets.js';
import { createVlogLists } from '../pages/vlog-lists.js';

const HOME_VLOGS = 4;

/** @fastify/compress for the public pages: gzip, or brotli at a quality that costs little time (bench/pages). */
export const COMPRESSION = {
  threshold: 1024,
  encodings: ['br', 'gzip'] as Array<'br' | 'gzip'>,
  brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
};
// The site's own pages besides the handbook's entries.
const SECTIONS = ['/', '/villages', '/routes', '/products', '/vlogs', '/map'];

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const sitePages =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const { baseUrl, renderPage } = createPageRenderer(deps);
    const t = deps.messages.t.bind(deps.messages);
    const vlogLists = createVlogLists((filter) => deps.services.publishing.listVlogs(filter), { logger: deps.logger });

    await app.register(siteAssetRoutes);

    app.get('/', async (request, reply) => {
      const lang = pageLanguage(request);
      const [overview, vlogs] = await Promise.all([deps.services.handbook.overview(), vlogLists({ limit: HOME_VLOGS })]);
      return renderPage(
        request,
        reply,
        'home',
        {
          title: t(lang, 'web-home-title'),
          description: t(lang, 'web-home-description', { villages: overview.counts.villages, routes: overview.counts.routes }),
          image: vlogs.find((v) => v.poster)?.poster?.url,
          jsonLd: { '@context': 'https://schema.org', '@type': 'WebSite', name: 'LangNghe', url: `${baseUrl(request)}/`, inLanguage: lang },
        },
        { overview, vlogs },
      );
    });

    app.get('/sitemap.xml', async (request, reply) => {
      const base = baseUrl(request);
      const [ids, vlogs] = await Promise.all([deps.services.handbook.publicIds(), deps.services.publishing.listVlogs({ limit: 500 })]);
      const handbookDate = ids.importedAt ? new Date(ids.importedAt).toISOString() : undefined;
      const pages: Array<{ path: string; lastmod?: string }> = [
        ...SECTIONS.map((path) => ({ path })),
        ...ids.villages.map((id) => ({ path: `/villages/${id}`, lastmod: handbookDate })),
        ...ids.routes.map((id) => ({ path: `/routes/${id}`, lastmod: handbookDate })),
        ...ids.products.map((id) => ({ path: `/products/${id}`, lastmod: handbookDate })),
        ...vlogs.map((v) => ({ path: `/vlogs/${v.slug}`, lastmod: v.publishedAt.toISOString() })),
      ];
      const at = (path: string, lang?: string) => xml(`${base}${path}${lang ? `?lang=${lang}` : ''}`);
      // Each language's address is a <url> of its own, naming every version of the page (Google's hreflang rules).
      const entries = pages.flatMap(({ path, lastmod }) =>
        ['vi', 'en'].map((lang) =>
          [
            '<url>',
            `<loc>${at(path, lang)}</loc>`,
            lastmod ? `<lastmod>${lastmod}</lastmod>` : '',
            `<xhtml:link rel="alternate" hreflang="vi" href="${at(path, 'vi')}"/>`,
            `<xhtml:link rel="alternate" hreflang="en" href="${at(path, 'en')}"/>`,
            `<xhtml:link rel="alternate" hreflang="x-default" href="${at(path)}"/>`,
            '</url>',
          ].join(''),
        ),
      );
      const body = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
        ...entries,
        '</urlset>',
        '',
      ].join('\n');
      return reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600').send(body);
    });

    app.get('/robots.txt', async (request, reply) => {
      const body = [
        'User-agent: *',
        'Allow: /',
        // The map's data is public and meant for other tools; the rest of /api is for apps, not search engines.
        'Allow: /api/map.geojson',
        'Disallow: /api/',
        'Disallow: /console',
        '',
        `Sitemap: ${baseUrl(request)}/sitemap.xml`,
        '',
      ].join('\n');
      return reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(body);
    });
  };

/**
 * Any address no route has: JSON for the API's callers, the 404 page for people. Registered beside the public
 * routes, not among them: it gets the security headers and cookies, but an unknown address (a webhook that is
 * not configured) does not count against the public rate limit.
 */
export const notFoundPages =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const { notFoundPage } = createPageRenderer(deps);
    // Here only, not for the media and upload routes beside it.
    await app.register(compress, COMPRESSION);
    app.setNotFoundHandler(async (request, reply) => {
      const path = request.url.split('?')[0]!;
      if (path === '/api' || path.startsWith('/api/')) {
        return reply.code(404).send({ error: 'not_found', message: `No such endpoint: ${request.method} ${path}` });
      }
      return notFoundPage(request, reply);
    });
  };
