// The way in: /start's greeting (with the languages and the main menu), the main menu, and help.
import type { Turn } from '../turn.js';
import type { Outcome } from '../types.js';

export function greet(turn: Turn): Outcome {
  const { t, knowledge: k, client } = turn;
  const counts = { villages: k.villages.size, routes: k.routes.length };
  const greeting = client.firstName ? t('chat-greeting', { name: client.firstName, ...counts }) : t('chat-greeting-anonymous', counts);
  return turn.done([{ text: greeting, buttons: [turn.languageRow(), ...turn.menuRows()] }]);
}

export function mainMenu(turn: Turn): Outcome {
  return turn.done([{ text: turn.t('chat-menu'), buttons: turn.menuRows() }]);
}

export function help(turn: Turn): Outcome {
  return turn.done([{ text: turn.t('ask-help'), buttons: [[turn.menuButton()]] }]);
}
