// Fakes on 127.0.0.1 of what Zalo runs: the OA API, its OAuth server, and the Bot platform API. The real
// axios clients talk to them through ZALO_API_BASE, ZALO_OAUTH_BASE and ZALO_BOT_API_BASE.
import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';

export interface FakeZalo {
  url: string;
  /** Messages the OA API accepted, in order. */
  sends: Array<{ path: string; accessToken: string | undefined; body: any; at: number }>;
  /** Every call to the send endpoint, accepted or not. */
  attempts: Array<{ accessToken: string | undefined; error: number }>;
  uploads: number;
  refreshCalls: number;
  /** The form bodies sent to the token endpoint. */
  tokenRequests: Array<Record<string, string>>;
  /** The tokens the fake OAuth server will accept now. */
  tokens: { access: string; refresh: string };
  /** The next `times` sends fail with this Zalo error code. */
  failNext(code: number, times?: number): void;
  /** Until `until`, each send fails at random: -32 (too often), HTTP 500, a dropped connection, or a
   * connection held and then dropped (a timeout); none is delivered. */
  storm(until: number, random: () => number): void;
  /** Authorisation codes it will accept, with the PKCE challenge each was issued for. */
  issueCode(code: string, challenge: string): void;
  /** What the Bot platform was asked to send: sendMessage (text) or sendPhoto (a picture by URL). */
  botSends: Array<{ token: string; body: any; method: 'sendMessage' | 'sendPhoto' }>;
  waitForSends(count: number, timeoutMs?: number): Promise<FakeZalo['sends']>;
  close(): Promise<void>;
}

export async function startFakeZalo(initial = { access: 'access-0', refresh: 'refresh-0' }): Promise<FakeZalo> {
  let failures: { code: number; times: number } | undefined;
  let storm: { until: number; random: () => number } | undefined;
  let generation = 0;
  const codes = new Map<string, string>();
  const fake: FakeZalo = {
    url: '',
    sends: [],
    attempts: [],
    uploads: 0,
    refreshCalls: 0,
    tokenRequests: [],
    tokens: { ...initial },
    botSends: [],
    failNext(code, times = 1) {
      failures = { code, times };
    },
    storm(until, random) {
      storm = { until, random };
    },
    issueCode(code, challenge) {
      codes.set(code, challenge);
    },
    async waitForSends(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (fake.sends.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      if (fake.sends.length < count) throw new Error(`fake Zalo: expected ${count} send(s), got ${fake.sends.length}`);
      return fake.sends;
    },
    close: async () => {},
  };
  const app = Fastify();
  await app.register(formbody);
  await app.register(multipart);

  app.post('/v3.0/oa/message/cs', async (request, reply) => {
    const accessToken = request.headers.access_token as string | undefined;
    if (storm && Date.now() < storm.until) {
      const roll = storm.random();
      fake.attempts.push({ accessToken, error: -1 });
      if (roll < 0.35) return { error: -32, message: 'Request exceeds the limit' };
      if (roll < 0.7) return reply.code(500).send('Internal Server Error');
      if (roll < 0.85) await new Promise((resolve) => setTimeout(resolve, 3000));
      request.raw.socket.destroy();
      return reply.hijack();
    }
    // Zalo answers HTTP 200 with an error code in the body.
    if (accessToken !== fake.tokens.access) {
      fake.attempts.push({ accessToken, error: -216 });
      return { error: -216, message: 'Access token is invalid' };
    }
    if (failures && failures.times > 0) {
      failures.times--;
      fake.attempts.push({ accessToken, error: failures.code });
      return { error: failures.code, message: 'refused by the fake' };
    }
    fake.attempts.push({ accessToken, error: 0 });
    fake.sends.push({ path: request.url, accessToken, body: request.body, at: Date.now() });
    return { error: 0, message: 'Success', data: { message_id: `m${fake.sends.length}`, user_id: (request.body as any)?.recipient?.user_id } };
  });
  app.post('/v2.0/oa/upload/image', async (request) => {
    if (request.headers.access_token !== fake.tokens.access) return { error: -216, message: 'Access token is invalid' };
    const file = await request.file();
    const bytes = (await file!.toBuffer()).length;
    fake.uploads++;
    return { error: 0, message: 'Success', data: { attachment_id: `att-${fake.uploads}-${bytes}` } };
  });

  app.post<{ Body: Record<string, string> }>('/v4/oa/access_token', async (request) => {
    const body = request.body;
    fake.tokenRequests.push({ ...body });
    if (request.headers.secret_key !== 'app-secret-for-tests') return { error: -14002, error_description: 'Invalid secret key' };
    const issue = () => {
      generation++;
      fake.tokens = { access: `access-${generation}`, refresh: `refresh-${generation}` };
      return { access_token: fake.tokens.access, refresh_token: fake.tokens.refresh, expires_in: '90000' };
    };
    if (body.grant_type === 'refresh_token') {
      fake.refreshCalls++;
      // Single use: the old refresh token dies with the refresh.
      if (body.refresh_token !== fake.tokens.refresh) return { error: -14014, error_description: 'Invalid refresh token' };
      await new Promise((r) => setTimeout(r, 50));
      return issue();
    }
    if (body.grant_type === 'authorization_code') {
      const challenge = codes.get(body.code ?? '');
      const computed = createHash('sha256')
        .update(body.code_verifier ?? '')
        .digest('base64url');
      if (!challenge || challenge !== computed) return { error: -14019, error_description: 'Invalid code or verifier' };
      codes.delete(body.code!);
      return issue();
    }
    return { error: -14001, error_description: 'unsupported grant' };
  });

  for (const method of ['sendMessage', 'sendPhoto'] as const) {
    app.post<{ Params: { token: string } }>(`/bot:token/${method}`, async (request) => {
      fake.botSends.push({ token: request.params.token, body: request.body, method });
      return { ok: true, result: { message_id: `b${fake.botSends.length}`, date: Date.now() } };
    });
  }

  fake.url = await app.listen({ port: 0, host: '127.0.0.1' });
  fake.close = () => app.close();
  return fake;
}
