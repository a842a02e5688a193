// POST /zalo/webhook: the signature is checked on the raw body; Zalo wants 200 within 2 s, so the event
// is acknowledged first and answered afterwards.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { verifyZaloSignature } from '../../channels/zalo/signature.js';
import type { AppDeps } from '../deps.js';
import { answerQuestion } from '../../services/ask/answer-question.js';

const textEvent = z.object({
  event_name: z.literal('user_send_text'),
  sender: z.object({ id: z.coerce.string() }),
  message: z.object({ text: z.string(), msg_id: z.coerce.string().optional() }),
});

export const zaloRoutes = (deps: AppDeps): FastifyPluginAsync => async (app) => {
  const { ZALO_APP_ID: appId, ZALO_OA_SECRET_KEY: oaSecretKey } = deps.config;
  if (!appId || !oaSecretKey) return;

  // Keep the body as received: the signature covers its exact bytes.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.post('/zalo/webhook', async (request, reply) => {
    const raw = typeof request.body === 'string' ? request.body : '';
    if (!verifyZaloSignature(raw, request.headers['x-zevent-signature'] as string | undefined, { appId, oaSecretKey })) {
      return reply.code(401).send({ error: 'unauthorized', message: 'Bad X-ZEvent-Signature.' });
    }
    const event = textEvent.safeParse(JSON.parse(raw));
    if (event.success && deps.zalo) {
      const { sender, message } = event.data;
      answerQuestion(deps.ask, { text: message.text, conversation: `zalo:${sender.id}` })
        .then((answer) => deps.zalo!.sendText(sender.id, answer.text, message.msg_id))
        .catch((error) => request.log.error({ err: error }, 'zalo reply failed'));
    }
    return reply.code(200).send({ ok: true });
  });
};
