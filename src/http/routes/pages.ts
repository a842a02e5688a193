// The public pages, in Vietnamese and English (?lang=vi|en, else the browser's language): the vlog
// channel (/vlogs, newest first), each vlog (/vlogs/:slug, an HTML5 player over the renditions, which
// /media serves with range requests), its RSS feed with enclosures (/vlogs/feed.xml), and each
// village's handbook page (/villages/:id), which captions link to.
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Eta } from 'eta';
import { Feed } from 'feed';
import type { AppDeps } from '../deps.js';
import type { Lang } from '../../i18n/messages.js';
import { mapLink } from '../../services/handbook/map-link.js';
import { HANOI } from '../../domain/publishing/hanoi-time.js';
import { redirectRenamedId } from './handbook.js';

// Templates escape everything printed with <%= %>; only the layout's body is printed raw.
const eta = new Eta({ views: fileURLToPath(new URL('../views', import.meta.url)), cache: true });

export function pageLanguage(request: FastifyRequest): Lang {
  const asked = (request.query as { lang?: string }).lang;
  if (asked === 'vi' || asked === 'en') return asked;
  const accept = String(request.headers['accept-language'] ?? '').toLowerCase();
  return accept.startsWith('en') ? 'en' : 'vi';
}

export const pageRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const baseUrl = (request: FastifyRequest) => (deps.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');

    function render(request: FastifyRequest, reply: FastifyReply, template: string, title: string, data: Record<string, unknown>) {
      const lang = pageLanguage(request);
      const path = request.url.split('?')[0]!;
      const html = eta.render(template, {
        ...data,
        lang,
        title,
        t: (id: string, args?: Record<string, string | number>) => deps.messages.t(lang, id, args),
        date: (date: Date) => new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'long', timeZone: HANOI }).format(date),
        otherLanguageUrl: `${path}?lang=${lang === 'vi' ? 'en' : 'vi'}`,
        feedUrl: `/vlogs/feed.xml?lang=${lang}`,
      });
      return reply.type('text/html; charset=utf-8').header('content-language', lang).send(html);
    }
    const notFoundPage = (request: FastifyRequest, reply: FastifyReply) => render(request, reply.code(404), 'vlogs', '404', { heading: '404', vlogs: [] });

    app.get('/vlogs', async (request, reply) => {
      const lang = pageLanguage(request);
      return render(request, reply, 'vlogs', deps.messages.t(lang, 'vlogs-title'), {
        heading: deps.messages.t(lang, 'vlogs-title'),
        vlogs: await deps.services.publishing.listVlogs(),
      });
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
      return render(request, reply, 'vlog', vlog.title, { vlog });
    });

    app.get('/villages/:id', { preHandler: redirectRenamedId }, async (request, reply) => {
      const lang = pageLanguage(request);
      const id = (request.params as { id: string }).id;
      const village = await deps.services.handbook.getVillage(id).catch(() => undefined);
      if (!village) return notFoundPage(request, reply);
      const crafts = await deps.services.handbook.listCrafts(village.crafts);
      const craftName = new Map(crafts.map((c) => [c.id, c.name[lang]]));
      const former = [village.address.formerCommune, village.address.formerDistrict].filter(Boolean).join(', ');
      return render(request, reply, 'village', village.name[lang], {
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
      });
    });
  };
