// bench/ask: the Q&A engine's latency in-process over every question of the question sets, and
// requests per second through POST /api/ask and POST /api/chat on the real server (PostgreSQL and Redis on
// localhost).
// Run by hand: `npm run bench:ask`. Target: p99 ≤ 5 ms in-process.
import autocannon from 'autocannon';
import { AskEngine, type AskContext } from '../src/ask/engine.js';
import { Knowledge } from '../src/ask/knowledge.js';
import { loadHandbook } from '../src/content/load.js';
import { Messages } from '../src/i18n/messages.js';
import { loadConfig } from '../src/config.js';
import { startApp } from '../src/app.js';
import { loadQuestionSet } from '../test/helpers/question-set.js';

const entries = [...loadQuestionSet('test/fixtures/ask-questions.yaml'), ...loadQuestionSet('test/fixtures/ask-questions-heldout.yaml')];
const questions = entries.flatMap((e) => ('conversation' in e ? e.conversation : [e]));
const engine = new AskEngine(new Knowledge(loadHandbook('content')), new Messages('content/locales'));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

// Warm up (JIT), then time every question many times.
const rounds = 30;
for (let r = 0; r < 5; r++) for (const q of questions) engine.ask({ text: q.q });
const timings: number[] = [];
for (let r = 0; r < rounds; r++) {
  for (const q of questions) {
    const context: AskContext = {};
    const location = q.location ? { lat: q.location[0], lon: q.location[1] } : undefined;
    const start = process.hrtime.bigint();
    engine.ask({ text: q.q, location }, context);
    timings.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}
timings.sort((a, b) => a - b);
const p50 = percentile(timings, 50);
const p99 = percentile(timings, 99);
console.log(
  `in-process: ${timings.length} answers (${questions.length} questions × ${rounds}); p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms, max ${timings.at(-1)!.toFixed(3)} ms — target p99 ≤ 5 ms: ${p99 <= 5 ? 'met' : 'MISSED'}`,
);

// Through HTTP: the whole server (Fastify, zod, translation and conversation layers), no rate limit.
const app = await startApp(loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' }), 'server');
const bodies = questions.filter((q) => q.q).map((q) => JSON.stringify({ text: q.q }));
let next = 0;
const result = await autocannon({
  url: `${app.url}/api/ask`,
  connections: 16,
  duration: 10,
  requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }) }],
});
console.log(
  `POST /api/ask: ${Math.round(result.requests.average)} requests/s (16 connections, 10 s), latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}`,
);

// The web chat: turns in a fixed pool of conversations opened before timing (a request without one would
// open a new conversation, and its state, each time), taken in turn so that 16 in flight rarely share one.
const texts = questions.map((q) => q.q).filter(Boolean);
const conversations: string[] = [];
for (let i = 0; i < 64; i++) {
  const response = await fetch(`${app.url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: texts[i] }),
  });
  const answer = (await response.json()) as { conversation: string; replies: unknown[] };
  if (!response.ok || !answer.replies.length) throw new Error(`POST /api/chat answered ${response.status} with ${answer.replies?.length} replies`);
  conversations.push(answer.conversation);
}
let turn = 0;
const chat = await autocannon({
  url: `${app.url}/api/chat`,
  connections: 16,
  duration: 10,
  requests: [
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      setupRequest: (req) => {
        const n = turn++;
        return { ...req, body: JSON.stringify({ conversation: conversations[n % conversations.length], text: texts[n % texts.length] }) };
      },
    },
  ],
});
console.log(
  `POST /api/chat: ${Math.round(chat.requests.average)} requests/s (16 connections, 10 s, ${conversations.length} conversations), latency p50 ${chat.latency.p50} ms, p99 ${chat.latency.p99} ms, errors ${chat.errors}, non-2xx ${chat.non2xx}`,
);
await app.close();
process.exit(0);
