// The web chat's edge: POST /api/chat (the dialogue as JSON, for our pages' chat and other programs), its CORS
// for the sites in CHAT_ALLOWED_ORIGINS, and GET /chat.js, the script that puts the chat on a page — ours or,
// with one tag, another site's.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { languages } from '../../i18n/messages.js';
import type { AppDeps } from '../deps.js';

const chatBody = z
  .object({
    conversation: z.string().max(100).optional(),
    text: z.string().trim().min(1, 'say something').max(2000).optional(),
    action: z.string().min(1).max(64).optional(),
    location: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
    /** The page's language, for a conversation that has not chosen one. */
    lang: z.enum(languages).optional(),
  })
  .refine((body) => [body.text, body.action, body.location].filter((part) => part !== undefined).length === 1, {
    message: 'send exactly one of text, action or location',
  });

// The words of the chat's own buttons and notices; the replies' words come from the dialogue.
const UI_MESSAGES = [
  'open',
  'title',
  'close',
  'log',
  'input',
  'placeholder',
  'send',
  'greeting',
  'thinking',
  'error',
  'busy',
  'location-denied',
  'location-unsupported',
] as const;
const STRINGS_MARKER = '/* strings */ null';

function chatScript(deps: AppDeps): Buffer {
  const source = readFileSync(fileURLToPath(new URL('../assets/chat.js', import.meta.url)), 'utf8');
  if (!source.includes(STRINGS_MARKER)) throw new Error(`chat.js lacks its strings marker "${STRINGS_MARKER}"`);
  const strings = Object.fromEntries(
    languages.map((lang) => [lang, Object.fromEntries(UI_MESSAGES.map((id) => [id, deps.messages.t(lang, `chat-web-${id}`)]))]),
  );
  return Buffer.from(source.replace(STRINGS_MARKER, JSON.stringify(strings)));
}

export const chatRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const webChat = deps.webChat;
    if (!webChat) return;
    const script = chatScript(deps);
    const allowed = new Set(deps.config.CHAT_ALLOWED_ORIGINS);
    const baseUrl = (request: FastifyRequest) => (deps.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');

    // Other sites' pages load the script with a plain <script> tag: it must not be same-origin only.
    app.get('/chat.js', async (_request, reply) =>
      reply
        .type('text/javascript; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .header('cross-origin-resource-policy', 'cross-origin')
        .send(script),
    );

    await app.register(async (api) => {
      // CORS for the listed origins only, on every answer of this route (a 429 or 400 too, so the page can read
      // it); no credentials: the conversation's token travels in the body.
      api.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply) => {
        // Added to, not replacing, what other hooks vary on (compression's Accept-Encoding).
        const vary = String(reply.getHeader('vary') ?? '');
        if (!/\borigin\b/i.test(vary)) reply.header('vary', vary ? `${vary}, Origin` : 'Origin');
        const origin = request.headers.origin;
        if (origin && allowed.has(origin)) reply.header('access-control-allow-origin', origin);
      });

      api.options('/api/chat', async (request, reply) => {
        const origin = request.headers.origin;
        if (origin && allowed.has(origin)) {
          reply.headers({
            'access-control-allow-methods': 'POST',
            'access-control-allow-headers': 'content-type, accept-language',
            'access-control-max-age': '600',
          });
        }
        return reply.code(204).send();
      });

      api.post('/api/chat', async (request, reply) => {
        const body = chatBody.parse(request.body);
        const incoming =
          body.text !== undefined
            ? { type: 'text' as const, text: body.text }
            : body.action !== undefined
              ? { type: 'action' as const, data: body.action }
              : { type: 'location' as const, ...body.location! };
        // One conversation's answer: no cache may keep it.
        reply.header('cache-control', 'no-store');
        return webChat.handle({
          conversation: body.conversation,
          incoming,
          languageCode: body.lang ?? request.headers['accept-language'],
          baseUrl: baseUrl(request),
        });
      });
    });
  };
