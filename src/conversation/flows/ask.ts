// Free questions go to the Q&A engine, with the village the chat last talked about for follow-ups
// ("how do I get there?"); the villages and routes it names become buttons.
import { askWithContext } from '../../services/ask/answer-question.js';
import { splitText } from '../fit-text.js';
import { button, type Turn } from '../turn.js';
import type { Button, Outcome, Reply } from '../types.js';

const MAX_ITEMS = 6;

export async function answerQuestion(turn: Turn, text: string): Promise<Outcome> {
  const { answer, context } = await askWithContext(turn.deps.ask, { text }, { lastVillageId: turn.state.lastVillageId });
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
  // A long answer goes in several messages; the buttons go with the last.
  const parts = splitText(answer.text, turn.deps.textLimit);
  const last = parts.length - 1;
  const replies: Reply[] = parts.map((part, i) => (i === last ? { text: part, items, buttons: rows } : { text: part }));
  return turn.done(replies, { ...turn.state, lastVillageId: context.lastVillageId });
}
