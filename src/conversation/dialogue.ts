// The dialogue, free of any chat app: (chat state, what came in) → replies as data and the new state.
// Telegram and Zalo only render the replies, so both get the same menus, cards, lists and answers.
// The router picks the flow (flows/: browse, ask, artisan linking, vlogs, language, menu) for each turn.
import { inlineCards, type InlineCard } from './inline-cards.js';
import { route } from './router.js';
import { createTurn, type Client, type DialogueDeps } from './turn.js';
import type { ChatState, Incoming, Outcome } from './types.js';

export { clientLanguage } from './turn.js';
export type { Client, DialogueArtisans, DialogueDeps, VillageVlog } from './turn.js';
export type { InlineCard } from './inline-cards.js';

export function createDialogue(deps: DialogueDeps) {
  async function handle(state: ChatState, incoming: Incoming, client: Client = {}): Promise<Outcome> {
    return route(createTurn(deps, state, client), incoming);
  }

  /** Cards to share from inline mode ("@bot bat trang" in any chat). */
  async function inline(query: string, languageCode?: string): Promise<InlineCard[]> {
    return inlineCards(deps, handle, query, languageCode);
  }

  return { handle, inline };
}

export type Dialogue = ReturnType<typeof createDialogue>;
