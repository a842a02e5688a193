// The loopback fake Zalo OA API as a process of its own, for bench/zalo-webhook, with a control port that
// counts the answers of a round: Zalo's webhook is acknowledged before the answer is sent, so a round ends
// when its last answer reaches this fake, not with its last 200.
import Fastify from 'fastify';
import { startFakeZalo } from '../test/helpers/fake-zalo.js';

const fake = await startFakeZalo({ access: process.env.BENCH_ZALO_TOKEN ?? 'bench-access', refresh: 'bench-refresh' });

// One round's answers: per event (the message id every reply quotes, "<event>.<sent at ms>"), its last send.
const emptyRound = () => ({ sends: 0, refused: 0, last: 0, events: new Map<string, { created: number; answered: number }>(), texts: new Set<string>() });
let round = emptyRound();

// Drained often, so that memory stays flat over a long run; each send's time was taken when it arrived.
function drain() {
  round.refused += fake.attempts.filter((a) => a.error !== 0).length;
  fake.attempts.length = 0;
  for (const send of fake.sends.splice(0, fake.sends.length)) {
    round.sends++;
    round.last = Math.max(round.last, send.at);
    const quote = String(send.body?.message?.quote_message_id ?? '');
    const event = round.events.get(quote);
    if (event) event.answered = Math.max(event.answered, send.at);
    else round.events.set(quote, { created: Number(quote.split('.')[1]), answered: send.at });
    const message = send.body?.message ?? {};
    if (round.texts.size < 10_000) round.texts.add(message.text ?? `(${message.attachment?.payload?.template_type ?? 'template'})`);
  }
}
setInterval(drain, 100).unref();

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const control = Fastify();
control.post('/reset', async () => {
  drain();
  round = emptyRound();
  return { ok: true };
});
control.get('/count', async () => {
  drain();
  const latencies = [...round.events.values()].map((e) => e.answered - e.created).sort((a, b) => a - b);
  return {
    sends: round.sends,
    events: round.events.size,
    refused: round.refused,
    last: round.last,
    // What the answers said: a few of them and how many different ones, to tell real answers from a constant.
    samples: [...round.texts].slice(0, 3),
    distinctTexts: round.texts.size,
    latency: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
  };
});
const controlUrl = await control.listen({ port: 0, host: '127.0.0.1' });
console.log(`FAKE ${fake.url} CONTROL ${controlUrl}`);
