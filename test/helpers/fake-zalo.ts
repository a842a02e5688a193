// A fake Zalo OA API on 127.0.0.1 that records every send; our axios client talks to it via ZALO_API_BASE.
import Fastify from 'fastify';

export interface FakeZalo {
  url: string;
  sends: Array<{ path: string; accessToken: string | undefined; body: any }>;
  waitForSends(count: number, timeoutMs?: number): Promise<FakeZalo['sends']>;
  close(): Promise<void>;
}

export async function startFakeZalo(): Promise<FakeZalo> {
  const sends: FakeZalo['sends'] = [];
  const app = Fastify();
  app.post('/v3.0/oa/message/cs', async (request) => {
    sends.push({ path: request.url, accessToken: request.headers.access_token as string | undefined, body: request.body });
    return { error: 0, message: 'Success', data: { message_id: `m${sends.length}`, user_id: (request.body as any)?.recipient?.user_id } };
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    sends,
    async waitForSends(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (sends.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      if (sends.length < count) throw new Error(`fake Zalo: expected ${count} send(s), got ${sends.length}`);
      return sends;
    },
    close: () => app.close(),
  };
}
