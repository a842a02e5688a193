// The smallest Zalo OA webhook (checks X-ZEvent-Signature over the raw body, acknowledges at once, then
// one constant reply per event on the OA API; no database, no Redis), for bench/zalo-webhook.
import axios from 'axios';
import Fastify from 'fastify';
import { verifyZaloSignature } from '../src/channels/zalo/signature.js';

const appId = process.env.ZALO_APP_ID!;
const oaSecretKey = process.env.ZALO_OA_SECRET_KEY!;
const send = `${process.env.ZALO_API_BASE}/v3.0/oa/message/cs`;
const token = process.env.ZALO_ACCESS_TOKEN!;

const server = Fastify();
server.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
server.post('/zalo/webhook', async (request, reply) => {
  const raw = String(request.body);
  if (!verifyZaloSignature(raw, request.headers['x-zevent-signature'] as string | undefined, { appId, oaSecretKey })) return reply.code(401).send();
  const event = JSON.parse(raw);
  // Like Zalo's own advice: 200 first, the answer afterwards.
  void axios
    .post(
      send,
      { recipient: { user_id: event.sender.id }, message: { text: 'ok', quote_message_id: event.message.msg_id } },
      { headers: { access_token: token } },
    )
    .catch((error) => console.error(String(error)));
  return { ok: true };
});
console.log(`MINIMAL ${await server.listen({ port: 0, host: '127.0.0.1' })}`);
