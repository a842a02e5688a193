// The villages on the public site: /villages (every village, filtered by craft, area, recognition title, OCOP
// and text, with a form that works without JavaScript) and /villages/:id (the full entry, with JSON-LD
// TouristAttraction and its latest vlog's poster as the link card's picture).
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../deps.js';
import type { VillageFilter } from '../../services/handbook/search-villages.js';
import { createPageRenderer, pageLanguage, withLang } from '../pages/render.js';
import { touristAttraction } from '../pages/schema-org/village.js';
import { createVlogLists } from '../pages/vlog-lists.js';
import { redirectRenamedId } from './handbook.js';

const SLUG = /^[a-z0-9][a-z0-9_-]{0,99}$/;
const VILLAGE_VLOGS = 20;

/** The filters as asked; a value that cannot be one (not an id, a repeated parameter) is left out rather than refused. */
function villageFilter(query: Record<string, unknown>): VillageFilter {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, 200) : '');
  const id = (value: unknown) => (typeof value === 'string' && SLUG.test(value) ? value : undefined);
  return {
    q: text(query.q) || undefined,
    craft: id(query.craft),
    district: id(query.district),
    title: id(query.title),
    ocop: ['1', 'true', 'on', 'yes'].includes(text(query.ocop)),
  };
}

export const villagePages =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const { baseUrl, renderPage, notFoundPage } = createPageRenderer(deps);
    const t = deps.messages.t.bind(deps.messages);
    const handbook = deps.services.handbook;
    const vlogLists = createVlogLists((filter) => deps.services.publishing.listVlogs(filter), { logger: deps.logger });

    app.get('/villages', async (request, reply) => {
      const lang = pageLanguage(request);
      const filter = villageFilter(request.query as Record<string, unknown>);
      const search = await handbook.searchVillages(filter);
      const filtered = Boolean(filter.q || filter.craft || filter.district || filter.title || filter.ocop);
      return renderPage(
        request,
        reply,
        'villages',
        // A search's results are not a page of their own for search engines.
        { title: t(lang, 'web-villages-title'), description: t(lang, 'web-villages-description'), noindex: Boolean(filter.q) },
        { search, filter, filtered },
      );
    });

    app.get('/villages/:id', { preHandler: redirectRenamedId }, async (request, reply) => {
      const lang = pageLanguage(request);
      const id = (request.params as { id: string }).id;
      const page = SLUG.test(id) ? await handbook.villagePage(id) : null;
      if (!page) return notFoundPage(request, reply);
      const vlogs = await vlogLists({ village: id, limit: VILLAGE_VLOGS });
      const { village } = page;
      const base = baseUrl(request);
      const image = vlogs.find((v) => v.poster)?.poster?.url;
      const unconfirmed = t(lang, 'web-village-unconfirmed');
      const titles = village.recognition.map((r) => {
        const year = r.year ? ` (${r.year})` : '';
        const flag = r.confirmed ? '' : ` (${unconfirmed})`;
        // "Other" says nothing by itself: its note says what it is.
        if (r.title === 'other') return { label: `${r.note?.[lang] ?? t(lang, 'recognition-title', { title: 'other' })}${year}${flag}` };
        return { label: `${t(lang, 'recognition-title', { title: r.title })}${year}${flag}`, note: r.note?.[lang] };
      });
      return renderPage(
        request,
        reply,
        'village',
        {
          title: village.name[lang],
          description: village.summary[lang],
          image,
          jsonLd: touristAttraction(village, {
            url: `${base}${withLang(`/villages/${village.id}`, lang)}`,
            lang,
            image: image ? `${base}${image}` : undefined,
          }),
        },
        {
          page,
          vlogs,
          titles,
          former: [village.address.formerCommune, village.address.formerDistrict].filter(Boolean).join(', '),
          // "xã A hoặc xã B" when the handbook is not sure which: "or" in the page's language.
          commune: village.address.commune?.split(/\s+hoặc\s+/u).join(` ${t(lang, 'web-village-or')} `),
        },
      );
    });
  };
