// The handbook as staff check it: villages, routes and products, what `npm run content:check` says of the
// files right now, and the plan's indicators beside their 2030 targets as a chart.
// Every code of the files is shown in words (craft names, recognition titles, OCOP ratings, how precise a
// location is). The two long tables are filtered on the server (every row, accents optional) and then cut
// into pages of HANDBOOK_PAGE_SIZE rows: ?vq= and ?vpage= for villages, ?pq= and ?ppage= for products.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../deps.js';
import type { Lang } from '../../i18n/messages.js';
import { ContentError, loadHandbook } from '../../content/load.js';
import { consoleLanguage, type Render } from './render.js';

export const HANDBOOK_PAGE_SIZE = 25;

function checkContent(contentDir: string) {
  try {
    const handbook = loadHandbook(contentDir);
    return { ok: true as const, counts: { villages: handbook.villages.length, products: handbook.products.length, routes: handbook.routes.length } };
  } catch (error) {
    if (error instanceof ContentError) return { ok: false as const, problems: error.problems.slice(0, 100), more: Math.max(0, error.problems.length - 100) };
    return { ok: false as const, problems: [{ file: contentDir, line: 0, message: (error as Error).message }], more: 0 };
  }
}

/** Lowercase and without Vietnamese diacritics, so that "bat trang" finds "Bát Tràng". */
export function foldText(text: string) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/đ/g, 'd');
}

/** Every word of the query appears somewhere in the row's text. */
function matches(haystack: string, query: string) {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  return words.every((word) => haystack.includes(word));
}

function pageOf<T>(rows: T[], asked: number) {
  const pages = Math.max(1, Math.ceil(rows.length / HANDBOOK_PAGE_SIZE));
  const page = Math.min(Math.max(1, asked), pages);
  const start = (page - 1) * HANDBOOK_PAGE_SIZE;
  return {
    rows: rows.slice(start, start + HANDBOOK_PAGE_SIZE),
    page,
    pages,
    total: rows.length,
    from: rows.length ? start + 1 : 0,
    to: Math.min(start + HANDBOOK_PAGE_SIZE, rows.length),
  };
}

interface TableState {
  vq: string;
  vpage: number;
  pq: string;
  ppage: number;
}

/** The page's address for a state: the filters and pages of both tables, each kept while the other moves. */
function handbookUrl(state: TableState, anchor: 'villages' | 'products') {
  const params = new URLSearchParams();
  if (state.vq) params.set('vq', state.vq);
  if (state.vpage > 1) params.set('vpage', String(state.vpage));
  if (state.pq) params.set('pq', state.pq);
  if (state.ppage > 1) params.set('ppage', String(state.ppage));
  const query = params.toString();
  return `/console/handbook${query ? `?${query}` : ''}#${anchor}`;
}

const queryText = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, 200) : '');
const queryPage = (value: unknown) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1);

export const consoleHandbookPages =
  (deps: AppDeps, render: Render): FastifyPluginAsync =>
  async (app) => {
    app.get('/console/handbook', async (request, reply) => {
      const lang: Lang = consoleLanguage(request);
      const asked = request.query as Record<string, unknown>;
      const state: TableState = { vq: queryText(asked.vq), vpage: queryPage(asked.vpage), pq: queryText(asked.pq), ppage: queryPage(asked.ppage) };

      const handbook = deps.services.handbook;
      const [villages, routes, products, kpis, crafts, recognitionOf] = await Promise.all([
        handbook.listVillages(),
        handbook.listRoutes(),
        handbook.listProducts(),
        handbook.computeKpis(),
        handbook.listCrafts(),
        handbook.listRecognitions(),
      ]);

      // A message of this page; a code the messages do not know yet is shown as it is rather than failing the page.
      const sayIn = (language: Lang, id: string, args?: Record<string, string | number>, fallback = id) => {
        try {
          return deps.messages.t(language, id, args);
        } catch {
          return fallback;
        }
      };
      const say = (id: string, args?: Record<string, string | number>, fallback = id) => sayIn(lang, id, args, fallback);
      // The filter finds a row by what it shows in either language (staff type Vietnamese or English words).
      const other: Lang = lang === 'vi' ? 'en' : 'vi';
      const number = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
      const craftName = new Map(crafts.map((c) => [c.id, c.name]));
      const craftWords = (id: string) => craftName.get(id)?.[lang] ?? id;
      const unconfirmed = say('console-handbook-unconfirmed');

      const villageRows = villages.map((v) => {
        const recognition = (recognitionOf.get(v.id) ?? v.recognition).map((r) => {
          const note = 'note' in r && r.note ? r.note[lang] : undefined;
          return {
            title: r.title,
            label: say(`console-handbook-recognition-${r.title}`, undefined, r.title),
            year: r.year ?? undefined,
            confirmed: r.confirmed !== false,
            // "Other" says nothing by itself: its note tells what it is.
            note: r.title === 'other' ? note : undefined,
          };
        });
        const row = {
          id: v.id,
          name: v.name[lang],
          area: [v.address.formerCommune, v.address.formerDistrict].filter(Boolean).join(', ') || v.address.commune || '',
          atRisk: Boolean(v.atRisk),
          crafts: v.crafts.map(craftWords),
          recognition,
          products: v.ocopProducts
            ? say('console-handbook-village-products-ocop', { count: v.products, ocop: v.ocopProducts })
            : say('console-handbook-village-products', { count: v.products }),
          location: say(`console-handbook-precision-${v.location?.precision ?? 'none'}`, undefined, v.location?.precision ?? ''),
        };
        const shown = [
          row.name,
          row.area,
          row.atRisk ? say('console-handbook-at-risk') : '',
          ...row.crafts,
          row.products,
          row.location,
          ...recognition.map((r) => [r.label, r.year ?? '', r.confirmed ? '' : unconfirmed, r.note ?? ''].join(' ')),
        ];
        const otherWords = [
          v.name[other],
          ...v.crafts.map((c) => craftName.get(c)?.[other] ?? ''),
          ...recognition.map((r) => sayIn(other, `console-handbook-recognition-${r.title}`, undefined, '')),
        ];
        return { ...row, haystack: foldText([...shown, ...otherWords, v.id, ...v.crafts].join(' \n ')) };
      });

      const productRows = products.map((p) => {
        const ocop = p.ocop
          ? [
              p.ocop.stars ? say('console-handbook-ocop-stars', { stars: p.ocop.stars }) : say('console-handbook-ocop-no-stars'),
              p.ocop.level ? say(`console-handbook-ocop-level-${p.ocop.level}`, undefined, p.ocop.level) : '',
              p.ocop.year ? String(p.ocop.year) : '',
              p.ocop.confirmed === false ? unconfirmed : '',
            ]
              .filter(Boolean)
              .join(' · ')
          : '';
        const row = {
          id: p.id,
          name: p.name[lang],
          producer: p.producer ?? '',
          village: { id: p.village.id, name: p.village.name[lang] },
          craft: craftWords(p.craft),
          stars: p.ocop?.stars ?? 0,
          ocop,
        };
        const shown = [row.name, row.producer, row.village.name, row.craft, row.ocop, row.ocop ? 'OCOP' : ''];
        const otherWords = [p.name[other], p.village.name[other], craftName.get(p.craft)?.[other] ?? ''];
        return { ...row, haystack: foldText([...shown, ...otherWords, p.id, p.craft].join(' \n ')) };
      });

      const villagePage = pageOf(state.vq ? villageRows.filter((r) => matches(r.haystack, state.vq)) : villageRows, state.vpage);
      const productPage = pageOf(state.pq ? productRows.filter((r) => matches(r.haystack, state.pq)) : productRows, state.ppage);
      state.vpage = villagePage.page;
      state.ppage = productPage.page;
      const pager = ({ rows: _rows, ...page }: ReturnType<typeof pageOf<unknown>>, key: 'vpage' | 'ppage', anchor: 'villages' | 'products') => ({
        ...page,
        previousUrl: page.page > 1 ? handbookUrl({ ...state, [key]: page.page - 1 }, anchor) : null,
        nextUrl: page.page < page.pages ? handbookUrl({ ...state, [key]: page.page + 1 }, anchor) : null,
      });

      return render(request, reply, 'handbook', {
        title: 'console-handbook',
        state,
        villages: {
          rows: villagePage.rows,
          all: villageRows.length,
          query: state.vq,
          pager: pager(villagePage, 'vpage', 'villages'),
          clearUrl: handbookUrl({ ...state, vq: '', vpage: 1 }, 'villages'),
        },
        products: {
          rows: productPage.rows,
          all: productRows.length,
          query: state.pq,
          pager: pager(productPage, 'ppage', 'products'),
          clearUrl: handbookUrl({ ...state, pq: '', ppage: 1 }, 'products'),
        },
        routes: routes.map((r) => ({
          ...r,
          about: [say('console-handbook-route-days', { days: r.days }), say(`console-handbook-route-origin-${r.origin}`, undefined, r.origin)].join(' · '),
        })),
        kpis,
        number: (value: number) => number.format(value),
        check: checkContent(deps.config.CONTENT_DIR),
      });
    });
  };
