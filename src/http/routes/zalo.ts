// POST /zalo/webhook: an Official Account's events (X-ZEvent-Signature over the raw body) or, with
// ZALO_MODE=bot, a Zalo Bot platform bot's updates (X-Bot-Api-Secret-Token). Answered at once; the
// event is handled afterwards. GET /zalo/oauth/callback: the end of `npm run zalo:connect`.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { exchangeCode } from '../../channels/zalo/oauth.js';
import { oauthStateKey } from '../../channels/zalo/connect.js';
import type { AppDeps } from '../deps.js';

const callbackQuery = z.object({ code: z.string().min(1).max(2000), state: z.string().min(1).max(200) });

export const zaloRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const zalo = deps.zalo;
    if (!zalo) return;

    // Keep the body as received: the OA signature covers its exact bytes.
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));

    app.post('/zalo/webhook', async (request, reply) => {
      const raw = typeof request.body === 'string' ? request.body : '';
      let status: number;
      if (zalo.mode === 'oa') {
        status = await zalo.channel.receive(raw, request.headers['x-zevent-signature'] as string | undefined);
      } else {
        let body: unknown = null;
        try {
          body = JSON.parse(raw);
        } catch {
          // acknowledged below like any update we cannot use
        }
        status = await zalo.channel.receive(body, request.headers['x-bot-api-secret-token'] as string | undefined);
      }
      if (status === 401)
        return reply.code(401).send({ error: 'unauthorized', message: zalo.mode === 'oa' ? 'Bad X-ZEvent-Signature.' : 'Bad X-Bot-Api-Secret-Token.' });
      return reply.code(200).send({ ok: true });
    });

    const oauth = zalo.mode === 'oa' ? zalo.oauth : undefined;
    if (!oauth || zalo.mode !== 'oa') return;
    const tokens = zalo.tokens;
    app.get('/zalo/oauth/callback', async (request, reply) => {
      const query = callbackQuery.safeParse(request.query);
      if (!query.success) return reply.code(400).type('text/plain').send('Missing code or state.');
      const verifier = await deps.quickRedis.getdel(oauthStateKey(deps.config.QUEUE_PREFIX, query.data.state));
      if (!verifier)
        return reply.code(400).type('text/plain').send('This authorisation link has expired or was already used: run `npm run zalo:connect` again.');
      await tokens.store(await exchangeCode(oauth, query.data.code, verifier));
      request.log.info('Zalo Official Account connected');
      return reply.type('text/plain; charset=utf-8').send('LangNghe is now connected to your Zalo Official Account. You can close this page.');
    });
  };
