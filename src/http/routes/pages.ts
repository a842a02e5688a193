// The public pages, in Vietnamese and English (?lang=vi|en, else the browser's language): the vlog
// channel (/vlogs, newest first), each vlog (/vlogs/:slug, an HTML5 player over the renditions, which
// /media serves with range requests) and its RSS feed with enclosures (/vlogs/feed.xml). The villages'
// pages, which captions link to, are in village-pages.ts.
import type { FastifyPluginAsync } from 'fastify';
import { Feed } from 'feed';
import type { AppDeps } from '../deps.js';
import { createPageRenderer, pageLanguage } from '../pages/render.js';

const xmlAttr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Media RSS's <media:subTitle> for each item's captions: the feed package writes no Media RSS, so they are
 * put after each item's <guid> (the vlog page's address, unique per item) and the namespace on <rss>.
 */
function withSubtitles(xml: string, vlogs: Array<{ slug: string; captions: Array<{ lang: string; url: string }> }>, base: string): string {
  if (!vlogs.some((v) => v.captions.length)) return xml;
  let out = xml.replace('<rss ', '<rss xmlns:media="http://search.yahoo.com/mrss/" ');
  for (const vlog of vlogs) {
    if (!vlog.captions.length) continue;
    const guid = `${xmlAttr(`${base}/vlogs/${vlog.slug}`)}</guid>`;
    const tags = vlog.captions.map((c) => `<media:subTitle type="text/vtt" lang="${xmlAttr(c.lang)}" href="${xmlAttr(`${base}${c.url}`)}"/>`).join('');
    out = out.replace(guid, `${guid}${tags}`);
  }
  return out;
}

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
      return reply.type('application/rss+xml; charset=utf-8').send(withSubtitles(feed.rss2(), vlogs, base));
    });

    app.get('/vlogs/:slug', async (request, reply) => {
      const vlog = await deps.services.publishing.getVlog((request.params as { slug: string }).slug);
      if (!vlog) return notFoundPage(request, reply);
      return renderPage(
        request,
        reply,
        'vlog',
        { title: vlog.title, description: vlog.description ?? undefined, image: vlog.poster?.url, type: 'article' },
        { vlog },
      );
    });
  };
