// The public pages' renderer: the visitor's language, the layout's shared parts (canonical URL, hreflang, Open
// Graph, JSON-LD) and one Eta instance over src/http/views. Every public page goes through `renderPage`.
import { fileURLToPath } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Eta } from 'eta';
import type { AppDeps } from '../deps.js';
import type { Lang } from '../../i18n/messages.js';
import { HANOI } from '../../domain/publishing/hanoi-time.js';
import { mapSettings as mapSettingsOf } from '../map-settings.js';
import { preferredLanguage } from './language.js';
import { siteStylesheetUrl } from './site-assets.js';

// Templates escape everything printed with <%= %>; only the layout's body is printed raw.
export const eta = new Eta({ views: fileURLToPath(new URL('../views', import.meta.url)), cache: true });

/** The visitor's choice of language, remembered for a year once made with ?lang=. */
export const LANG_COOKIE = 'lang';
const YEAR_SECONDS = 365 * 24 * 3600;

const isLang = (value: unknown): value is Lang => value === 'vi' || value === 'en';

/** ?lang= first, then the language chosen before (the cookie), then the browser's (Accept-Language), else Vietnamese. */
export function pageLanguage(request: FastifyRequest): Lang {
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  if (isLang(asked)) return asked;
  const remembered = request.cookies?.[LANG_COOKIE];
  if (isLang(remembered)) return remembered;
  return preferredLanguage(request.headers['accept-language']);
}

/** What a page says about itself, for the layout's <head>: search engines and link cards (Telegram, Zalo, Facebook). */
export interface PageMeta {
  title: string;
  /** One or two sentences for the description and the Open Graph card. */
  description?: string;
  /** A picture for the card: a path on our server (a vlog's poster) or an absolute URL. */
  image?: string;
  /** schema.org objects, printed as JSON-LD. */
  jsonLd?: Record<string, unknown> | Record<string, unknown>[];
  /** Keep the page out of search engines (a 404, a search's results). */
  noindex?: boolean;
  /** Open Graph's og:type: 'website' unless told ('article' for a vlog). */
  type?: 'website' | 'article';
}

/** The sections of the site's navigation, by the first part of their path. */
const NAV = [
  { path: '/', id: 'web-nav-home' },
  { path: '/villages', id: 'web-nav-villages' },
  { path: '/routes', id: 'web-nav-routes' },
  { path: '/products', id: 'web-nav-products' },
  { path: '/vlogs', id: 'web-nav-vlogs' },
  { path: '/map', id: 'web-nav-map' },
] as const;

const OG_LOCALE: Record<Lang, string> = { vi: 'vi_VN', en: 'en_US' };

/** JSON for a <script> element: "<" escaped so no "</script>" or "<!--" inside the data can end it. */
export const jsonForScript = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** A path on this site with the page's language added to its query. */
export const withLang = (path: string, lang: Lang) => `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;

export function createPageRenderer(deps: AppDeps) {
  const baseUrl = (request: FastifyRequest) => (deps.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');
  const secureCookie = /^https:/i.test(deps.config.PUBLIC_URL ?? '');
  // For partials/map: tiles, attribution, and our copies of map.js and Leaflet.
  const mapSettings = mapSettingsOf(deps.config);
  const absolute = (base: string, url: string) => (/^https?:\/\//i.test(url) ? url : `${base}${url.startsWith('/') ? '' : '/'}${url}`);

  function renderPage(request: FastifyRequest, reply: FastifyReply, template: string, meta: PageMeta, data: Record<string, unknown>) {
    const lang = pageLanguage(request);
    const other: Lang = lang === 'vi' ? 'en' : 'vi';
    const asked = (request.query as { lang?: unknown } | undefined)?.lang;
    if (isLang(asked) && request.cookies?.[LANG_COOKIE] !== asked) {
      reply.setCookie(LANG_COOKIE, asked, { path: '/', sameSite: 'lax', httpOnly: true, secure: secureCookie, maxAge: YEAR_SECONDS });
    }
    // Without ?lang= the answer depends on the cookie and the browser's languages.
    if (!isLang(asked)) reply.header('vary', 'Accept-Language, Cookie');

    const path = request.url.split('?')[0]!;
    const base = baseUrl(request);
    // The language switch keeps the page's filters.
    const query = new URLSearchParams(request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '');
    query.delete('lang');
    query.set('lang', other);
    const section =
      NAV.filter((item) => item.path !== '/').find((item) => path === item.path || path.startsWith(`${item.path}/`))?.path ?? (path === '/' ? '/' : '');
    const canonical = `${base}${withLang(path, lang)}`;

    const html = eta.render(template, {
      ...data,
      lang,
      otherLang: other,
      title: meta.title,
      meta,
      head: {
        canonical,
        alternates: [
          { hreflang: 'vi', href: `${base}${withLang(path, 'vi')}` },
          { hreflang: 'en', href: `${base}${withLang(path, 'en')}` },
          // Without ?lang= the page follows the visitor's browser.
          { hreflang: 'x-default', href: `${base}${path}` },
        ],
        ogLocale: OG_LOCALE[lang],
        ogLocaleAlternate: OG_LOCALE[other],
        image: meta.image ? absolute(base, meta.image) : undefined,
        jsonLd: meta.jsonLd ? jsonForScript(meta.jsonLd) : undefined,
      },
      nav: NAV.map((item) => ({ href: withLang(item.path, lang), label: deps.messages.t(lang, item.id), current: item.path === section })),
      href: (target: string) => withLang(target, lang),
      t: (id: string, args?: Record<string, string | number>) => deps.messages.t(lang, id, args),
      date: (date: Date) => new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'long', timeZone: HANOI }).format(date),
      otherLanguageUrl: `${path}?${query.toString()}`,
      feedUrl: `/vlogs/feed.xml?lang=${lang}`,
      stylesheet: siteStylesheetUrl,
      mapSettings,
    });
    return (
      reply
        .type('text/html; charset=utf-8')
        .header('content-language', lang)
        // From the request's arrival to the page's HTML: what bench/pages measures (and a browser's devtools show).
        .header('server-timing', `render;dur=${reply.elapsedTime.toFixed(1)}`)
        .send(html)
    );
  }

  /** The page for an address the site does not have, in the visitor's language, with a way back and the search box. */
  const notFoundPage = (request: FastifyRequest, reply: FastifyReply) => {
    const lang = pageLanguage(request);
    return renderPage(request, reply.code(404), 'not-found', { title: deps.messages.t(lang, 'web-not-found-title'), noindex: true }, {});
  };

  return { baseUrl, renderPage, notFoundPage };
}

export type PageRenderer = ReturnType<typeof createPageRenderer>;
