// Free questions go to the Q&A engine, with the village the chat last talked about for follow-ups
// ("how do I get there?"); the villages and routes it names become buttons. An answer that turns the chat
// to a village names its latest vlog, with the poster, as its card does.
import { askWithContext } from '../../services/ask/answer-question.js';
import { splitText } from '../fit-text.js';
import { button, type Turn } from '../turn.js';
import { latestVlogOf, vlogPhoto } from './browse-cards.js';
import type { Button, Outcome, Reply } from '../types.js';

const MAX_ITEMS = 6;

export async function answerQuestion(turn: Turn, text: string): Promise<Outcome> {
  const source = turn.deps.channel ? { channel: turn.deps.channel, chat: turn.client.chatKey } : undefined;
  const { answer, context } = await askWithContext(turn.deps.ask, { text }, { lastVillageId: turn.state.lastVillageId }, source);
  const items: Button[] = [];
  for (const item of answer.items.slice(0, MAX_ITEMS)) {
    if (item.type === 'village') items.push(button(item.name.slice(0, 60), { kind: 'village', id: item.id, part: 0 }));
    if (item.type === 'route') items.push(button(item.name.slice(0, 60), { kind: 'route', id: item.id }));
  }
  const rows: Button[][] = [];
  if (answer.intent === 'product' && context.lastVillageId) {
    rows.push([button(turn.t('card-products'), { kind: 'products', village: context.lastVillageId, page: 0 })]);
  }
  rows.push([turn.menuButton()]);
  // Only when the chat turns to the village: its follow-ups ("how do I get there?") do not repeat the vlog.
  const first = answer.items[0];
  const village =
    answer.intent === 'village' && first?.type === 'village' && first.id !== turn.state.lastVillageId ? turn.knowledge.villages.get(first.id) : undefined;
  const vlog = village ? await latestVlogOf(turn, village) : undefined;
  const said = vlog ? `${answer.text}\n\n${turn.t('vlog-card-latest', { title: vlog.title, link: vlog.pageUrl })}` : answer.text;
  const photo = vlogPhoto(turn, vlog);
  // A long answer goes in several messages; the buttons go with the last, the poster with the first.
  const parts = splitText(said, turn.deps.textLimit);
  const last = parts.length - 1;
  const replies: Reply[] = parts.map((part, i) => ({ text: part, ...(i === last ? { items, buttons: rows } : {}), ...(i === 0 && photo ? { photo } : {}) }));
  return turn.done(replies, { ...turn.state, lastVillageId: context.lastVillageId });
}
