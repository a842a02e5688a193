// The method shared by the webhook benchmarks (issue 20): rounds of BENCH_UPDATES (3,000) updates with
// BENCH_CONNECTIONS (64) in flight; after a warm-up of each side, BENCH_ROUNDS (5) rounds of each,
// interleaved with the order alternating, and the medians compared — on a shared 2-core machine single
// rounds vary by ±20 %, so one proves nothing.
import autocannon from 'autocannon';
import { loadQuestionSet } from '../test/helpers/question-set.js';

export const UPDATES = Number(process.env.BENCH_UPDATES ?? 3000);
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);

/** The visitors' questions of the question set, in order. */
export const questionTexts = (): string[] =>
  loadQuestionSet('test/fixtures/ask-questions.yaml')
    .flatMap((e) => ('conversation' in e ? e.conversation : [e]))
    .map((q) => q.q)
    .filter(Boolean);

const texts = questionTexts();

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export type Side = 'minimal' | 'langnghe';

/** Warm-up of each side (JIT, connections, caches), then the interleaved rounds; each side's rounds in order. */
export async function interleavedRounds<R>(
  load: (name: string, side: Side) => Promise<R>,
  label: Record<Side, string>,
): Promise<{ warmUp: Record<Side, R>; rounds: Record<Side, R[]> }> {
  const warmUp = { minimal: await load(`warm-up ${label.minimal}`, 'minimal'), langnghe: await load(`warm-up ${label.langnghe}`, 'langnghe') };
  const rounds: Record<Side, R[]> = { minimal: [], langnghe: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    const order: Side[] = round % 2 ? ['minimal', 'langnghe'] : ['langnghe', 'minimal'];
    for (const side of order) rounds[side].push(await load(`round ${round} ${label[side]}`, side));
  }
  return { warmUp, rounds };
}

// Unique across runs: the server handles each update_id once for a day (its dedupe), and bench:footprint runs
// `npm start` with its default QUEUE_PREFIX, so a second run starting again at 1 would only measure "already handled".
let updateId = Date.now() * 1000;
/**
 * Posts `amount` visitors' text messages to a Telegram webhook as Telegram does (each a new update_id, from one
 * of 5,000 private chats, a question of the set), CONNECTIONS in flight; `onResponse` sees each status.
 */
export function postTelegramUpdates(base: string, secret: string, amount: number, onResponse?: (status: number) => void) {
  return autocannon({
    url: `${base}/telegram/webhook`,
    connections: CONNECTIONS,
    amount,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
        setupRequest: (request) => {
          const id = updateId++;
          const chat = { id: 100_000 + (id % 5000), type: 'private' };
          const from = { id: chat.id, is_bot: false, first_name: 'Bench', language_code: 'vi' };
          const text = texts[id % texts.length];
          return { ...request, body: JSON.stringify({ update_id: id, message: { message_id: id, date: 1_700_000_000, chat, from, text } }) };
        },
        onResponse,
      },
    ],
  });
}
