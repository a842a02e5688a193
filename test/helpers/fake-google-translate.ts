// A fake Google Translate v2 endpoint on 127.0.0.1 that the real @google-cloud/translate client talks to.
import Fastify from 'fastify';

export interface FakeTranslate {
  url: string;
  calls: Array<{ key: string | undefined; q: string[]; target: string; source?: string }>;
  failing: boolean;
  close(): Promise<void>;
}

/** Known sentences (in either direction); anything else comes back tagged with its target language. */
export async function startFakeTranslate(dictionary: Record<string, { text: string; from: string }>): Promise<FakeTranslate> {
  const fake: FakeTranslate = { url: '', calls: [], failing: false, close: async () => {} };
  const app = Fastify();
  app.post<{ Querystring: { key?: string }; Body: { q: string | string[]; target: string; source?: string } }>(
    '/language/translate/v2',
    async (request, reply) => {
      const q = Array.isArray(request.body.q) ? request.body.q : [request.body.q];
      fake.calls.push({ key: request.query.key, q, target: request.body.target, source: request.body.source });
      if (fake.failing) return reply.code(500).send({ error: { code: 500, message: 'backend error' } });
      return {
        data: {
          translations: q.map((text) => {
            const known = dictionary[text];
            return known
              ? { translatedText: known.text, detectedSourceLanguage: known.from }
              : { translatedText: `[${request.body.target}] ${text}`, detectedSourceLanguage: 'en' };
          }),
        },
      };
    },
  );
  fake.url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/language/translate/v2`;
  fake.close = () => app.close();
  return fake;
}
