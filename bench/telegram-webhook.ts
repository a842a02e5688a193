// bench/telegram-webhook: updates per second through the real webhook, and update-to-answer latency,
// for LangNghe (`npm run server`: engine, Redis sessions, update dedup, i18n) and, in the same run, for
// the smallest grammY webhook bot (a constant reply, no database). Each runs in its own process, as does
// the loopback fake Bot API they answer; the load comes from this process (autocannon).
// Run by hand: `npm run bench:telegram`. Target: LangNghe ≥ 0.8× the minimal bot's rate, p99 ≤ 50 ms.
import autocannon from 'autocannon';
import { startProcess } from './processes.js';
import { loadQuestionSet } from '../test/helpers/question-set.js';

const SECRET = 'bench-secret';
const TOKEN = '123456:BENCH';
const DURATION = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);

const texts = loadQuestionSet('test/fixtures/ask-questions.yaml')
  .flatMap((e) => ('conversation' in e ? e.conversation : [e]))
  .map((q) => q.q)
  .filter(Boolean);

const fake = await startProcess('bench/fake-bot-api.ts', [], {}, /FAKE (\S+)/);
const env = { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: fake.url };
const minimal = await startProcess('bench/minimal-bot.ts', [], env, /MINIMAL (\S+)/);
const langnghe = await startProcess(
  'src/main.ts',
  ['server'],
  { ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', TELEGRAM_MODE: 'webhook', QUEUE_PREFIX: `bench-${Date.now()}` },
  /"url":"(http[^"]+)"/,
  process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [],
);

let updateId = 1;
async function load(name: string, base: string) {
  let answered = 0;
  const result = await autocannon({
    url: `${base}/telegram/webhook`,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        setupRequest: (request) => {
          const id = updateId++;
          const chat = { id: 100_000 + (id % 5000), type: 'private' };
          const update = {
            update_id: id,
            message: {
              message_id: id,
              date: 1_700_000_000,
              chat,
              from: { id: chat.id, is_bot: false, first_name: 'Bench', language_code: 'vi' },
              text: texts[id % texts.length],
            },
          };
          return { ...request, body: JSON.stringify(update) };
        },
        // The minimal bot answers through the Bot API before it ends the webhook request; LangNghe
        // answers in the webhook response itself.
        onResponse: (status) => {
          if (status === 200) answered++;
        },
      },
    ],
  });
  console.log(
    `${name}: ${Math.round(result.requests.average)} updates/s over ${DURATION} s (${CONNECTIONS} connections), ` +
      `update-to-answer p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, answered ${answered}, non-2xx ${result.non2xx}, errors ${result.errors}`,
  );
  return result;
}

const short = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
await autocannon({
  url: `${minimal.url}/telegram/webhook`,
  duration: short,
  connections: 8,
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
  body: JSON.stringify({ update_id: 0, message: { message_id: 1, date: 1, chat: { id: 1, type: 'private' }, text: 'warm' } }),
});
await load('warm-up LangNghe', langnghe.url);
const base = await load('minimal grammY bot', minimal.url);
const ours = await load('LangNghe', langnghe.url);
const ratio = ours.requests.average / base.requests.average;
console.log(
  `LangNghe / minimal: ${ratio.toFixed(2)}× (target ≥ 0.8: ${ratio >= 0.8 ? 'met' : 'MISSED'}); ` +
    `LangNghe p99 ${ours.latency.p99} ms (target ≤ 50 ms: ${ours.latency.p99 <= 50 ? 'met' : 'MISSED'})`,
);
for (const child of [langnghe.child, minimal.child, fake.child]) child.kill('SIGTERM');
process.exit(0);
