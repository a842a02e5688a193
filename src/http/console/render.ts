// Rendering the console's pages: Eta templates under views/console, every text from the Fluent files
// (console-* messages), the language from ?lang= (remembered in a cookie) or the browser, a fresh CSRF
// token for the page's forms and scripts, and a one-shot notice carried across a redirect in a cookie.
import { fileURLToPath } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Eta } from 'eta';
import type { Lang, Messages } from '../../i18n/messages.js';
import { formatHanoi } from '../../domain/publishing/hanoi-time.js';

const eta = new Eta({ views: fileURLToPath(new URL('../views/console', import.meta.url)), cache: true });
const LANG_COOKIE = 'lns_lang';
const FLASH_COOKIE = 'lns_flash';

export interface Flash {
  kind: 'ok' | 'error';
  text: string;
}

export function consoleLanguage(request: FastifyRequest, reply?: FastifyReply): Lang {
  const asked = (request.query as { lang?: string } | undefined)?.lang;
  if (asked === 'vi' || asked === 'en') {
    reply?.setCookie(LANG_COOKIE, asked, { path: '/console', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
    return asked;
  }
  const remembered = request.cookies[LANG_COOKIE];
  if (remembered === 'vi' || remembered === 'en') return remembered;
  return String(request.headers['accept-language'] ?? '')
    .toLowerCase()
    .startsWith('en')
    ? 'en'
    : 'vi';
}

/** A message for the next page (after a redirect), shown once. */
export function flash(reply: FastifyReply, kind: Flash['kind'], text: string) {
  reply.setCookie(FLASH_COOKIE, JSON.stringify({ kind, text: text.slice(0, 500) }), { path: '/console', sameSite: 'lax', httpOnly: true, maxAge: 60 });
}

function takeFlash(request: FastifyRequest, reply: FastifyReply): Flash | undefined {
  const raw = request.cookies[FLASH_COOKIE];
  if (!raw) return undefined;
  reply.clearCookie(FLASH_COOKIE, { path: '/console' });
  try {
    const parsed = JSON.parse(raw) as Flash;
    return parsed.kind === 'ok' || parsed.kind === 'error' ? { kind: parsed.kind, text: String(parsed.text) } : undefined;
  } catch {
    return undefined;
  }
}

export function createRenderer(messages: Messages) {
  return function render(request: FastifyRequest, reply: FastifyReply, template: string, data: Record<string, unknown> & { title: string }) {
    const lang = consoleLanguage(request, reply);
    const path = request.url.split('?')[0]!;
    const t = (id: string, args?: Record<string, string | number>) => messages.t(lang, id, args);
    // A message id (console-…) in the reader's language, or a use case's own words as they are.
    const say = (text: string) => (/^console-[a-z0-9-]+$/.test(text) ? t(text) : text);
    const html = eta.render(template, {
      flash: takeFlash(request, reply),
      ...data,
      title: say(data.title),
      lang,
      path,
      staff: request.staff,
      csrf: reply.generateCsrf(),
      t,
      say,
      hanoi: (date: Date | string) => formatHanoi(new Date(date)),
      otherLanguageUrl: `${path}?lang=${lang === 'vi' ? 'en' : 'vi'}`,
    });
    // Pages show private records: no caching anywhere, no framing.
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-frame-options', 'DENY')
      .header('content-language', lang)
      .send(html);
  };
}
export type Render = ReturnType<typeof createRenderer>;
