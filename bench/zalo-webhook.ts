// bench/zalo-webhook: Zalo Official Account events per second through the real webhook, for LangNghe (`npm run
// server`: signature, event dedupe and reply window in Redis, the token from PostgreSQL, engine, conversation
// memory, the question log — everything on; `npm run server`'s command, the compiled JavaScript) and the smallest signed webhook (bench/minimal-zalo: a constant
// reply, no database). Both acknowledge at once and answer afterwards on the OA API, so a round is timed to the
// last answer the loopback fake OA API (bench/fake-zalo-api, a process of its own) receives, not to the last 200.
// Same method as bench/telegram-webhook (bench/rounds.ts): rounds of 3,000 events, 64 in flight, a warm-up of
// each, five interleaved rounds, medians compared.
// Run by hand: `npm run bench:zalo`. Target (issue 20): median rate ≥ 0.8× the minimal handler's.
import autocannon from 'autocannon';
import { startProcess, startServer } from './processes.js';
import { CONNECTIONS, interleavedRounds, median, questionTexts, ROUNDS, UPDATES } from './rounds.js';
import { loadConfig } from '../src/config.js';
import { createPrisma } from '../src/data/database.js';
import { createZaloTokenRepository } from '../src/data/zalo-token-repository.js';
import { zaloSignature } from '../src/channels/zalo/signature.js';

const APP_ID = '2553928453557884079';
const OA_ID = '3662729599332560487';
const OA_SECRET = 'bench-oa-secret';
const TOKEN = 'bench-access';
const texts = questionTexts();

// LangNghe takes the OA token from PostgreSQL, seeded from ZALO_ACCESS_TOKEN when none is stored: never
// overwrite or use an OA's real token, and leave no bench token behind.
const prisma = createPrisma(loadConfig().DATABASE_URL);
const zaloTokens = createZaloTokenRepository(prisma);
const stored = await zaloTokens.find();
if (stored && stored.accessToken !== TOKEN) {
  console.error('The database holds a Zalo OA token: run the bench against another database (DATABASE_URL) so it is left alone.');
  process.exit(1);
}
// Stored before LangNghe starts: its own seeding from ZALO_ACCESS_TOKEN races when the first events come together.
await zaloTokens.seed({ accessToken: TOKEN, refreshToken: null, accessExpiresAt: new Date(Date.now() + 24 * 3600 * 1000) });

const fake = await startProcess('bench/fake-zalo-api.ts', [], { BENCH_ZALO_TOKEN: TOKEN }, /(FAKE \S+ CONTROL \S+)/);
const [, fakeUrl, , controlUrl] = fake.url.split(' ') as [string, string, string, string];
const env = {
  ZALO_MODE: 'oa',
  ZALO_APP_ID: APP_ID,
  ZALO_OA_SECRET_KEY: OA_SECRET,
  ZALO_ACCESS_TOKEN: TOKEN,
  ZALO_API_BASE: fakeUrl,
  // No OAuth: nothing can refresh (and store) a token during the bench; no Telegram either.
  ZALO_APP_SECRET_KEY: '',
  ZALO_REFRESH_TOKEN: '',
  TELEGRAM_BOT_TOKEN: '',
};
const minimal = await startProcess('bench/minimal-zalo.ts', [], env, /MINIMAL (\S+)/);
const langnghe = await startServer(
  { ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', QUEUE_PREFIX: `bench-${Date.now()}` },
  /"url":"(http[^"]+)"/,
  process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [],
);
// Answers go out after the 200, so a failed one shows only in LangNghe's log: its warnings and errors are shown.
let logTail = '';
langnghe.child.stdout!.on('data', (chunk: string) => {
  const lines = (logTail + chunk).split('\n');
  logTail = lines.pop()!;
  for (const line of lines) if (/"level":[4-6]0/.test(line)) console.log(`LangNghe: ${line.slice(0, 400)}`);
});

interface Count {
  sends: number;
  events: number;
  refused: number;
  last: number;
  samples: string[];
  distinctTexts: number;
  latency: { p50: number; p99: number };
}
const count = async (): Promise<Count> => (await fetch(`${controlUrl}/count`)).json() as Promise<Count>;

/** Waits until every acknowledged event has an answer and no more sends come (LangNghe may send several). */
async function answersOfRound(expected: number): Promise<Count> {
  let seen = await count();
  let stillSince = Date.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = await count();
    if (now.sends !== seen.sends) stillSince = Date.now();
    seen = now;
    const quiet = Date.now() - stillSince;
    if (now.events >= expected && quiet >= 300) return now;
    if (quiet >= 30_000) return now; // some events were never answered: reported by the caller
  }
}

let eventId = 1;
async function load(name: string, base: string) {
  await fetch(`${controlUrl}/reset`, { method: 'POST' });
  let acknowledged = 0;
  const started = Date.now();
  const result = await autocannon({
    url: `${base}/zalo/webhook`,
    connections: CONNECTIONS,
    amount: UPDATES,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          const id = eventId++;
          const created = Date.now();
          // The message id carries when the event was sent: the fake times event-to-answer from the replies' quote.
          const event = {
            app_id: APP_ID,
            event_name: 'user_send_text',
            timestamp: String(created),
            sender: { id: String(100_000 + (id % 5000)) },
            recipient: { id: OA_ID },
            message: { msg_id: `${id}.${created}`, text: texts[id % texts.length] },
          };
          const raw = JSON.stringify(event);
          const signature = `mac=${zaloSignature(APP_ID, raw, event.timestamp, OA_SECRET)}`;
          return { ...request, headers: { ...request.headers, 'x-zevent-signature': signature }, body: raw };
        },
        onResponse: (status) => {
          if (status === 200) acknowledged++;
        },
      },
    ],
  });
  const answers = await answersOfRound(acknowledged);
  const seconds = (answers.last - started) / 1000;
  const rate = answers.events / seconds;
  console.log(
    `${name}: ${Math.round(rate)} events/s (${answers.events} answered of ${acknowledged} acknowledged in ${seconds.toFixed(2)} s, ${CONNECTIONS} in flight), ` +
      `ack p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, event-to-answer p50 ${answers.latency.p50} ms, p99 ${answers.latency.p99} ms, ` +
      `sends ${answers.sends}, refused by the fake ${answers.refused}, non-2xx ${result.non2xx}, errors ${result.errors}`,
  );
  return { rate, ackP99: result.latency.p99, answerP99: answers.latency.p99, answers };
}

type Round = Awaited<ReturnType<typeof load>>;
const { warmUp, rounds } = await interleavedRounds<Round>((name, side) => load(name, side === 'minimal' ? minimal.url : langnghe.url), {
  minimal: 'minimal handler',
  langnghe: 'LangNghe',
});
// Real answers, not a constant or an apology: varied texts from the dialogue.
const warm = warmUp.langnghe;
console.log(
  `LangNghe's answers: ${warm.answers.distinctTexts} different ones, e.g. ${warm.answers.samples.map((s) => JSON.stringify(s.slice(0, 80))).join(' | ')}`,
);
if (warm.answers.distinctTexts < 10) console.log('WARNING: LangNghe gave few different answers; look at its log.');
const rate = { minimal: median(rounds.minimal.map((r) => r.rate)), langnghe: median(rounds.langnghe.map((r) => r.rate)) };
const ratio = rate.langnghe / rate.minimal;
const perRound = rounds.langnghe.map((r, i) => (r.rate / rounds.minimal[i]!.rate).toFixed(2));
console.log(
  `\nmedians of ${ROUNDS} interleaved rounds: LangNghe ${Math.round(rate.langnghe)} events/s, minimal handler ${Math.round(rate.minimal)}/s → ` +
    `${ratio.toFixed(2)}× (rounds ${perRound.join(', ')}; target ≥ 0.8: ${ratio >= 0.8 ? 'met' : 'MISSED'}); ` +
    `LangNghe p99 medians: webhook ack ${median(rounds.langnghe.map((r) => r.ackP99))} ms, event-to-answer ${median(rounds.langnghe.map((r) => r.answerP99))} ms ` +
    `(minimal handler: ack ${median(rounds.minimal.map((r) => r.ackP99))} ms, event-to-answer ${median(rounds.minimal.map((r) => r.answerP99))} ms)`,
);
for (const child of [langnghe.child, minimal.child, fake.child]) child.kill('SIGTERM');
await prisma.zaloToken.deleteMany({ where: { accessToken: TOKEN } });
await prisma.$disconnect();
process.exit(0);
