// The web chat: a message from a browser (text, a pressed button's action, or its location) → the channel-free
// dialogue → replies as JSON, with the conversation's state kept in Redis under a random token the browser holds.
// The web knows no one, so artisans' status and linking are answered with where to find them, never a record.
import { clientLanguage, type Dialogue } from '../../conversation/dialogue.js';
import { decodeAction, encodeAction } from '../../conversation/actions.js';
import type { Lang, Messages } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import { newConversationToken, type WebChatStates } from './chat-state.js';
import { renderWebReplies, type WebReply } from './render.js';

export type WebIncoming = { type: 'text'; text: string } | { type: 'action'; data: string } | { type: 'location'; lat: number; lon: number };

export interface WebChatTurn {
  /** The token the browser sent, if any; an unknown or forged one is replaced by a new one. */
  conversation?: string;
  incoming: WebIncoming;
  /** The page's language ("vi", "en-GB"…), for a conversation that has not chosen one. */
  languageCode?: string;
  /** Our server's address as the browser reaches it, to make paths absolute. */
  baseUrl: string;
}

export interface WebChatAnswer {
  conversation: string;
  replies: WebReply[];
}

// Commands typed as text that ask for an artisan's own record ("/link ABCD-EFGH").
const RECORD_COMMAND = /^\/(link|unlink|status)(?:\s|@|$)/i;

const asksForRecord = (incoming: WebIncoming) =>
  (incoming.type === 'action' && decodeAction(incoming.data)?.kind === 'status') || (incoming.type === 'text' && RECORD_COMMAND.test(incoming.text.trim()));

export function createWebChat(deps: { dialogue: Dialogue; states: WebChatStates; messages: Messages; logger: Logger }) {
  async function handle(turn: WebChatTurn): Promise<WebChatAnswer> {
    const known = turn.conversation ? await deps.states.get(turn.conversation) : undefined;
    const conversation = known ? turn.conversation! : newConversationToken();
    const state = known ?? {};
    const lang: Lang = state.lang ?? clientLanguage(turn.languageCode);
    if (asksForRecord(turn.incoming)) {
      await deps.states.set(conversation, state);
      const menu = { label: deps.messages.t(lang, 'menu-main'), action: encodeAction({ kind: 'menu' }) };
      return { conversation, replies: [{ text: deps.messages.t(lang, 'chat-web-no-records'), buttons: [[menu]] }] };
    }
    const outcome = await deps.dialogue.handle(state, turn.incoming, { languageCode: turn.languageCode, chatKey: conversation });
    // A browser never types a link code: nothing waits for one.
    const next = { ...outcome.state, awaitingCode: undefined };
    await deps.states.set(conversation, next);
    deps.logger.debug({ incoming: turn.incoming.type, replies: outcome.replies.length, newConversation: !known }, 'web chat answered');
    return { conversation, replies: renderWebReplies(outcome.replies, { messages: deps.messages, lang: next.lang ?? lang, baseUrl: turn.baseUrl }) };
  }

  return { handle };
}

export type WebChat = ReturnType<typeof createWebChat>;
