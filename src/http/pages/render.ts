// The public pages' renderer: the visitor's language, the layout's shared parts (canonical URL, hreflang, Open
// Graph, JSON-LD) and one Eta instance over src/http/views. Every public page goes through `renderPage`.
import { fileURLToPath } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Eta } from 'eta';
import type { AppDeps } from '../deps.js';
import type { Lang } from '../../i18n/messages.js';
import { HANOI } from '../../domain/publishing/hanoi-time.js';

// Templates escape everything printed with <%= %>; only the layout's body is printed raw.
export const eta = new Eta({ views: fileURLToPath(new URL('../views', import.meta.url)), cache: true });

export function pageLanguage(request: FastifyRequest): Lang {
  const asked = (request.query as { lang?: string }).lang;
  if (asked === 'vi' || asked === 'en') return asked;
  const accept = String(request.headers['accept-language'] ?? '').toLowerCase();
  return accept.startsWith('en') ? 'en' : 'vi';
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
}

export function createPageRenderer(deps: AppDeps) {
  const baseUrl = (request: FastifyRequest) => (deps.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');

  function renderPage(request: FastifyRequest, reply: FastifyReply, template: string, meta: PageMeta, data: Record<string, unknown>) {
    const lang = pageLanguage(request);
    const path = request.url.split('?')[0]!;
    const html = eta.render(template, {
      ...data,
      lang,
      title: meta.title,
      meta,
      t: (id: string, args?: Record<string, string | number>) => deps.messages.t(lang, id, args),
      date: (date: Date) => new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'long', timeZone: HANOI }).format(date),
      otherLanguageUrl: `${path}?lang=${lang === 'vi' ? 'en' : 'vi'}`,
      feedUrl: `/vlogs/feed.xml?lang=${lang}`,
    });
    return reply.type('text/html; charset=utf-8').header('content-language', lang).send(html);
  }

  const notFoundPage = (request: FastifyRequest, reply: FastifyReply) =>
    renderPage(request, reply.code(404), 'vlogs', { title: '404' }, { heading: '404', vlogs: [] });

  return { baseUrl, renderPage, notFoundPage };
}

export type PageRenderer = ReturnType<typeof createPageRenderer>;
