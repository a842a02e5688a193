// The chat's language: /language offers both; a choice is kept in the chat's state and answered, with
// the main menu, in the language chosen.
import type { Lang } from '../../i18n/messages.js';
import type { Turn } from '../turn.js';
import type { Outcome } from '../types.js';

export function chooseLanguage(turn: Turn): Outcome {
  return turn.done([{ text: turn.t('chat-choose-language'), buttons: [turn.languageRow()] }]);
}

export function switchLanguage(turn: Turn, lang: Lang): Outcome {
  const say = (id: string) => turn.deps.messages.t(lang, id);
  return turn.done([{ text: `${say('chat-language-set')}\n\n${say('chat-menu')}`, buttons: turn.menuRows(lang) }], { ...turn.state, lang });
}
