// Cards to share from inline mode ("@bot bat trang" in any chat): the village and route cards the
// dialogue shows, with only their link buttons (the others would act in a chat that is not ours).
import { askWithContext } from '../services/ask/answer-question.js';
import { encodeAction, type Action } from './actions.js';
import { clientLanguage, type Client, type DialogueDeps } from './turn.js';
import type { Button, ChatState, Incoming, Outcome } from './types.js';

export interface InlineCard {
  id: string;
  title: string;
  description: string;
  text: string;
  buttons: Button[][];
}

type Handle = (state: ChatState, incoming: Incoming, client?: Client) => Promise<Outcome>;

export async function inlineCards(deps: DialogueDeps, handle: Handle, query: string, languageCode?: string): Promise<InlineCard[]> {
  const { messages } = deps;
  const lang = clientLanguage(languageCode);
  const k = deps.ask.engine.knowledge;
  const card = async (state: ChatState, action: Action) => {
    const outcome = await handle(state, { type: 'action', data: encodeAction(action) }, { languageCode: lang });
    return outcome.replies[0]!;
  };
  const linksOnly = (rows: Button[][] | undefined) => (rows ?? []).map((row) => row.filter((b) => 'url' in b)).filter((row) => row.length);
  const found = query.trim()
    ? (await askWithContext(deps.ask, { text: query, lang }, {})).answer.items
    : k.routes.slice(0, 5).map((r) => ({ type: 'route' as const, id: r.id, name: r.name[lang] }));
  const cards: InlineCard[] = [];
  for (const item of found.slice(0, 10)) {
    if (item.type === 'village' && k.villages.has(item.id)) {
      const v = k.villages.get(item.id)!;
      const reply = await card({ lang }, { kind: 'village', id: v.id, part: 0 });
      cards.push({
        id: `v:${v.id}`,
        title: v.name[lang],
        description: messages.t(lang, 'inline-village', {
          crafts: v.crafts.map((c) => k.crafts.get(c)?.name[lang] ?? c).join(', '),
          place: v.address.commune ?? '',
        }),
        text: reply.text,
        buttons: linksOnly(reply.buttons),
      });
    }
    if (item.type === 'route') {
      const r = k.routes.find((route) => route.id === item.id);
      if (!r) continue;
      const reply = await card({ lang }, { kind: 'route', id: r.id });
      cards.push({
        id: `r:${r.id}`,
        title: r.name[lang],
        description: messages.t(lang, 'inline-route', { days: messages.t(lang, 'card-days', { days: r.days }), stops: r.stops.length }),
        text: reply.text,
        buttons: linksOnly(reply.buttons),
      });
    }
  }
  return cards;
}
