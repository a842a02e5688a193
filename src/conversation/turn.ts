// One turn of the dialogue: what every flow needs to answer one thing that came in — the chat's state and
// language, the handbook, and the buttons that replies share (the main menu, the languages, paging).
import type { Knowledge } from '../ask/knowledge.js';
import type { Lang, Messages } from '../i18n/messages.js';
import type { AskDeps } from '../services/ask/answer-question.js';
import type { ArtisanDesk, ChatIdentity } from '../services/artisans/linking.js';
import type { QuestionRecorder } from '../domain/insights/question-record.js';
import { encodeAction, type Action } from './actions.js';
import type { Button, ChatState, Outcome, Reply } from './types.js';

/** What the dialogue asks of the artisans' records: only the chat's own link and status. */
export type DialogueArtisans = Pick<ArtisanDesk, 'statusText' | 'linkByCode' | 'linkByPhone' | 'unlink'>;

export interface DialogueDeps {
  ask: AskDeps;
  /** Artisans' records, for the recognition status of a linked chat. */
  artisans?: DialogueArtisans;
  messages: Messages;
  /** The channel's longest message. */
  textLimit: number;
  /** Entries per page of a list (Zalo's list template shows few). */
  pageSize?: number;
  /** New vlogs as messages (Zalo): subscribe and unsubscribe by the chat's own words. */
  vlogs?: { subscribe(chatId: string, lang: Lang): Promise<boolean>; unsubscribe(chatId: string): Promise<boolean> };
  /** A village's latest published vlog, for its card; without it cards name no vlog. Called for every card:
   *  it should answer from memory most of the time (the publishing service keeps answers 30 s). */
  latestVlog?: (villageId: string) => Promise<VillageVlog | undefined>;
  /** The chat app, for the question log; without it the dialogue's questions are not logged. */
  channel?: 'telegram' | 'zalo' | 'web';
  /** The question log, for what does not go through the engine (an artisan's status: the intent only). */
  recorder?: QuestionRecorder;
}

/** A village's latest published vlog as its card shows it. */
export interface VillageVlog {
  title: string;
  /** Its page: absolute when the server knows its public address, else /vlogs/<slug>. */
  pageUrl: string;
  slug: string;
  /** Its poster, a path on our server (/media/…). */
  posterUrl?: string;
}

export interface Client {
  /** The client app's language (Telegram's language_code). */
  languageCode?: string;
  firstName?: string;
  /** Who is writing, for their own records only; absent in groups. */
  identity?: ChatIdentity;
  /** The channel can ask for the user's own phone number (Telegram's request_contact). */
  canShareContact?: boolean;
  /** The chat (its id, or the web conversation's token): the question log keeps only a keyed hash of it. */
  chatKey?: string;
}

export const clientLanguage = (code: string | undefined): Lang => (code?.toLowerCase().startsWith('vi') ? 'vi' : 'en');

export const button = (label: string, action: Action): Button => ({ label, action: encodeAction(action) });

export interface Turn {
  deps: DialogueDeps;
  state: ChatState;
  client: Client;
  /** The chat's chosen language, else its client's. */
  lang: Lang;
  knowledge: Knowledge;
  t(id: string, args?: Record<string, string | number>): string;
  /** The replies, and the chat's next state (unchanged when absent). */
  done(replies: Reply[], next?: ChatState): Outcome;
  menuButton(): Button;
  menuRows(language?: Lang): Button[][];
  languageRow(): Button[];
  /** A button we no longer understand (old or forged): the main menu, with a notice. */
  stale(): Outcome;
  /** A list, a page at a time: its entries, and ◀ n/m ▶ to page through it in place. */
  paged<T>(list: T[], page: number, toAction: (page: number) => Action, entry?: (item: T) => Button): { shown: T[]; items: Button[]; rows: Button[][] };
}

export function createTurn(deps: DialogueDeps, state: ChatState, client: Client): Turn {
  const { messages } = deps;
  const pageSize = deps.pageSize ?? 8;
  const lang = state.lang ?? clientLanguage(client.languageCode);
  const t = (id: string, args?: Record<string, string | number>) => messages.t(lang, id, args);
  const done = (replies: Reply[], next: ChatState = state): Outcome => ({ replies, state: next });
  const menuButton = () => button(t('menu-main'), { kind: 'menu' });
  const menuRows = (language: Lang = lang): Button[][] => {
    const say = (id: string) => messages.t(language, id);
    return [
      [button(say('menu-villages'), { kind: 'crafts', page: 0 }), button(say('menu-routes'), { kind: 'routes', page: 0 })],
      [button(say('menu-products'), { kind: 'ocop', page: 0 }), button(say('menu-nearby'), { kind: 'nearby' })],
      [button(say('menu-status'), { kind: 'status' }), button(say('menu-help'), { kind: 'help' })],
    ];
  };

  return {
    deps,
    state,
    client,
    lang,
    knowledge: deps.ask.engine.knowledge,
    t,
    done,
    menuButton,
    menuRows,
    languageRow: () => [button(messages.t('vi', 'lang-vi'), { kind: 'lang', lang: 'vi' }), button(messages.t('en', 'lang-en'), { kind: 'lang', lang: 'en' })],
    stale: () => done([{ text: t('chat-menu'), buttons: menuRows(), notice: t('chat-stale') }]),
    paged(list, page, toAction, entry) {
      const pages = Math.max(1, Math.ceil(list.length / pageSize));
      const current = Math.min(page, pages - 1);
      const shown = list.slice(current * pageSize, (current + 1) * pageSize);
      const rows: Button[][] = [];
      if (pages > 1) {
        const nav: Button[] = [];
        if (current > 0) nav.push(button('◀', toAction(current - 1)));
        nav.push(button(t('chat-page', { page: current + 1, pages }), toAction(current)));
        if (current < pages - 1) nav.push(button('▶', toAction(current + 1)));
        rows.push(nav);
      }
      return { shown, items: entry ? shown.map(entry) : [], rows };
    },
  };
}
