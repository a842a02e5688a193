// bench/telegram-webhook: updates per second through the real webhook, and update-to-answer latency,
// for LangNghe (`npm run server`'s command, the compiled JavaScript: engine, Redis sessions, update dedupe, conversation memory, i18n, the
// question log — everything on) and the smallest grammY webhook bot (a constant reply, no database). Each runs
// in its own process, as does the loopback fake Bot API they answer; the load comes from this process
// (autocannon), by bench/rounds.ts's method: rounds of 3,000 updates, 64 in flight, a warm-up of each, five
// interleaved rounds, medians compared. BENCH_PROFILE=<dir> writes LangNghe's CPU profile there.
// Run by hand: `npm run bench:telegram`. Target (issue 20): median rate ≥ 0.9× the minimal bot's, p99 ≤ 50 ms.
import { startProcess, startServer } from './processes.js';
import { CONNECTIONS, interleavedRounds, median, postTelegramUpdates, ROUNDS, UPDATES } from './rounds.js';

const SECRET = 'bench-secret';
const TOKEN = '123456:BENCH';

const fake = await startProcess('bench/fake-bot-api.ts', [], {}, /FAKE (\S+)/);
const env = { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: fake.url };
const minimal = await startProcess('bench/minimal-bot.ts', [], env, /MINIMAL (\S+)/);
const langnghe = await startServer(
  { ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', TELEGRAM_MODE: 'webhook', QUEUE_PREFIX: `bench-${Date.now()}` },
  /"url":"(http[^"]+)"/,
  process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [],
);

async function load(name: string, base: string) {
  let answered = 0;
  // Timed here, to the last answer: autocannon ends a fixed amount on its 1 s tick, so its own duration (and
  // the moment its promise settles) is whole seconds, too coarse for a round of 1–4 s.
  let lastAnswer = 0;
  const started = performance.now();
  // The minimal bot answers through the Bot API before it ends the webhook request; LangNghe answers in the
  // webhook response itself: either way a 200 is an answer given.
  const result = await postTelegramUpdates(base, SECRET, UPDATES, (status) => {
    lastAnswer = performance.now();
    if (status === 200) answered++;
  });
  const seconds = (lastAnswer - started) / 1000;
  const rate = result.requests.total / seconds;
  console.log(
    `${name}: ${Math.round(rate)} updates/s (${result.requests.total} in ${seconds.toFixed(2)} s, ${CONNECTIONS} in flight), ` +
      `update-to-answer p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, answered ${answered}, non-2xx ${result.non2xx}, errors ${result.errors}`,
  );
  return { rate, p99: result.latency.p99 };
}

const { rounds } = await interleavedRounds((name, side) => load(name, side === 'minimal' ? minimal.url : langnghe.url), {
  minimal: 'minimal grammY bot',
  langnghe: 'LangNghe',
});
const rate = { minimal: median(rounds.minimal.map((r) => r.rate)), langnghe: median(rounds.langnghe.map((r) => r.rate)) };
const p99 = median(rounds.langnghe.map((r) => r.p99));
const ratio = rate.langnghe / rate.minimal;
const perRound = rounds.langnghe.map((r, i) => (r.rate / rounds.minimal[i]!.rate).toFixed(2));
console.log(
  `\nmedians of ${ROUNDS} interleaved rounds: LangNghe ${Math.round(rate.langnghe)} updates/s, minimal bot ${Math.round(rate.minimal)}/s → ` +
    `${ratio.toFixed(2)}× (rounds ${perRound.join(', ')}; target ≥ 0.9: ${ratio >= 0.9 ? 'met' : 'MISSED'}); ` +
    `LangNghe p99 median ${p99} ms (rounds ${rounds.langnghe.map((r) => r.p99).join(', ')}; target ≤ 50 ms: ${p99 <= 50 ? 'met' : 'MISSED'})`,
);
for (const child of [langnghe.child, minimal.child, fake.child]) child.kill('SIGTERM');
process.exit(0);
