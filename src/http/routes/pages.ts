// The public pages, in Vietnamese and English (?lang=vi|en, else the browser's language): the vlog
// channel (/vlogs, newest first), each vlog (/vlogs/:slug, an HTML5 player over the renditions, which
// /media serves with range requests), its RSS feed with enclosures (/vlogs/feed.xml), and each
// village's handbook page (/villages/:id), which captions link to.
import type { FastifyPluginAsync } from 'fastify';
import { Feed } from 'feed';
import type { AppDeps } from '../deps.js';
import { mapLink } from '../../services/handbook/map-link.js';
import { createPageRenderer, pageLanguage } from '../pages/render.js';
import { redirectRenamedId } from './handbook.js';

export const pageRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const { baseUrl, renderPage, notFoundPage } = createPageRenderer(deps);

    app.get('/vlogs', async (request, reply) => {
      const lang = pageLanguage(request);
      return renderPage(
        request,
        reply,
        'vlogs',
        { title: deps.messages.t(lang, 'vlogs-title') },
        {
          heading: deps.messages.t(lang, 'vlogs-title'),
          vlogs: await deps.services.publishing.listVlogs(),
        },
      );
    });

    app.get('/vlogs/feed.xml', async (request, reply) => {
      const lang = pageLanguage(request);
      const base = baseUrl(request);
      const vlogs = await deps.services.publishing.listVlogs({ limit: 50 });
      const feed = new Feed({
        title: deps.messages.t(lang, 'vlogs-title'),
        description: deps.messages.t(lang, 'vlogs-intro'),
        id: `${base}/vlogs`,
        link: `${base}/vlogs?lang=${lang}`,
        language: lang,
        copyright: 'LangNghe',
        updated: vlogs[0]?.publishedAt ?? new Date(0),
        feedLinks: { rss: `${base}/vlogs/feed.xml?lang=${lang}` },
      });
      for (const vlog of vlogs) {
        const video = vlog.videos.find((v) => v.kind === '720p') ?? vlog.videos[0];
        feed.addItem({
          title: vlog.title,
          id: `${base}/vlogs/${vlog.slug}`,
          link: `${base}/vlogs/${vlog.slug}?lang=${lang}`,
          description: vlog.description ?? vlog.title,
          date: vlog.publishedAt,
          enclosure: video ? { url: `${base}${video.url}`, length: video.bytes, type: 'video/mp4' } : undefined,
        });
      }
      return reply.type('application/rss+xml; charset=utf-8').send(feed.rss2());
    });

    app.get('/vlogs/:slug', async (request, reply) => {
      const vlog = await deps.services.publishing.getVlog((request.params as { slug: string }).slug);
      if (!vlog) return notFoundPage(request, reply);
      return renderPage(request, reply, 'vlog', { title: vlog.title, description: vlog.description ?? undefined, image: vlog.poster?.url }, { vlog });
    });

    app.get('/villages/:id', { preHandler: redirectRenamedId }, async (request, reply) => {
      const lang = pageLanguage(request);
      const id = (request.params as { id: string }).id;
      const village = await deps.services.handbook.getVillage(id).catch(() => undefined);
      if (!village) return notFoundPage(request, reply);
      const crafts = await deps.services.handbook.listCrafts(village.crafts);
      const craftName = new Map(crafts.map((c) => [c.id, c.name[lang]]));
      const former = [village.address.formerCommune, village.address.formerDistrict].filter(Boolean).join(', ');
      return renderPage(
        request,
        reply,
        'village',
        { title: village.name[lang], description: village.summary[lang] },
        {
          village,
          crafts: village.crafts.map((c) => craftName.get(c) ?? c).join(', '),
          address: [village.address.commune, former && `(${former})`].filter(Boolean).join(' '),
          recognition: village.recognition
            .filter((r) => r.title !== 'other')
            .map((r) => `${deps.messages.t(lang, 'recognition-title', { title: r.title })}${r.year ? ` (${r.year})` : ''}`),
          vlogs: await deps.services.publishing.listVlogs({ village: id, limit: 20 }),
          mapUrl: mapLink([
            {
              name: village.name.vi,
              area: former || village.address.commune,
              lat: village.location?.lat,
              lon: village.location?.lon,
              precision: village.location?.precision,
            },
          ]),
        },
      );
    });
  };
