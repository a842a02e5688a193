// Staff captions API: PUT /api/clips/:id/captions/:lang with the file as the raw body (SRT or WebVTT, any
// text content type), DELETE to take them off. A bad file answers 422 with the line of its first problem.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { CAPTION_LANGS, CAPTION_MAX_BYTES, isCaptionLang } from '../../domain/captions/parse-captions.js';
import { notFound } from '../../errors.js';
import { BadCaptionsError } from '../../services/captions/put-captions.js';
import { requireStaff } from '../staff-auth.js';
import type { AppDeps } from '../deps.js';

const captionParams = z.object({ id: z.uuid('not a clip id'), lang: z.string() });

/** The language from the path: vi or en; anything else is no resource of ours (404). */
function langOf(params: unknown) {
  const { id, lang } = captionParams.parse(params);
  if (!isCaptionLang(lang)) throw notFound(`captions language "${lang.slice(0, 20)}" (${CAPTION_LANGS.join(' or ')})`);
  return { id, lang };
}

export const captionRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const { captions } = deps.services;
    app.addHook('preHandler', requireStaff(deps.services.staff));
    // Whatever the content type (text/plain, text/vtt, application/x-subrip, none), the body is the file, as bytes.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: CAPTION_MAX_BYTES }, (_request, body, done) => done(null, body));

    app.put('/api/clips/:id/captions/:lang', async (request, reply) => {
      const { id, lang } = langOf(request.params);
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      try {
        const { created, captions: stored } = await captions.put({ clipId: id, lang, body });
        return reply.code(created ? 201 : 200).send(stored);
      } catch (error) {
        if (error instanceof BadCaptionsError) return reply.code(422).send({ error: 'bad_captions', message: error.message, line: error.line });
        throw error;
      }
    });

    app.delete('/api/clips/:id/captions/:lang', async (request, reply) => {
      const { id, lang } = langOf(request.params);
      await captions.delete(id, lang);
      return reply.code(204).send();
    });
  };
