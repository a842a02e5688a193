// What came in (a command, a button, text, a location or a contact) and the chat's state → the flow that
// answers it. The order of the text rules is the dialogue's: a /link typed as text, "forget me", vlogs,
// a link code the chat was asked for, its own status; anything else is a question.
import { decodeAction, type Action } from './actions.js';
import * as linking from './flows/artisan-linking.js';
import { answerQuestion } from './flows/ask.js';
import { browse, nearMe } from './flows/browse.js';
import { chooseLanguage, switchLanguage } from './flows/language.js';
import { greet, help, mainMenu } from './flows/menu.js';
import { changeVlogSubscription, vlogWish } from './flows/vlogs.js';
import type { Turn } from './turn.js';
import type { Command, Incoming, Outcome } from './types.js';

const LINK_COMMAND = /^\/(link|unlink)(?:@\S+)?(?:\s+(.*))?$/i;

export async function route(turn: Turn, incoming: Incoming): Promise<Outcome> {
  switch (incoming.type) {
    case 'command':
      return onCommand(turn, incoming.command, incoming.argument);
    case 'contact':
      return linking.linkWithPhone(turn, incoming.phone, incoming.own);
    case 'location':
      return nearMe(turn, { lat: incoming.lat, lon: incoming.lon });
    case 'action': {
      const action = decodeAction(incoming.data);
      return action ? onAction(turn, action) : turn.stale();
    }
    case 'text':
      return onText(turn, incoming.text);
  }
  return turn.stale();
}

function onAction(turn: Turn, action: Action): Outcome | Promise<Outcome> {
  switch (action.kind) {
    case 'menu':
      return mainMenu(turn);
    case 'help':
      return help(turn);
    case 'status':
      return linking.status(turn);
    case 'lang':
      return switchLanguage(turn, action.lang);
    default:
      return browse(turn, action);
  }
}

// A command opens a list as a new message; only its buttons page through it in place.
const asNewMessage = async (answer: Outcome | Promise<Outcome>): Promise<Outcome> => {
  const outcome = await answer;
  return { ...outcome, replies: outcome.replies.map((r) => ({ ...r, edit: false })) };
};

function onCommand(turn: Turn, command: Command, argument: string | undefined): Outcome | Promise<Outcome> {
  switch (command) {
    case 'start':
      return greet(turn);
    case 'language':
      return chooseLanguage(turn);
    case 'help':
      return help(turn);
    case 'menu':
      return mainMenu(turn);
    case 'villages':
      return asNewMessage(browse(turn, { kind: 'crafts', page: 0 }));
    case 'routes':
      return asNewMessage(browse(turn, { kind: 'routes', page: 0 }));
    case 'products':
      return asNewMessage(browse(turn, { kind: 'ocop', page: 0 }));
    case 'nearby':
      return browse(turn, { kind: 'nearby' });
    case 'status':
      return linking.status(turn);
    case 'link':
      return argument?.trim() ? linking.linkWithCode(turn, argument) : linking.status(turn);
    case 'unlink':
      return linking.unlink(turn);
  }
  return turn.stale();
}

function onText(turn: Turn, raw: string): Outcome | Promise<Outcome> {
  const text = raw.trim();
  const command = LINK_COMMAND.exec(text);
  if (command) {
    const link = command[1]!.toLowerCase() === 'link';
    return link && command[2] ? linking.linkWithCode(turn, command[2]) : link ? linking.status(turn) : linking.unlink(turn);
  }
  if (linking.asksToForget(text)) return linking.unlink(turn);
  const wish = vlogWish(turn, text);
  if (wish) return changeVlogSubscription(turn, wish);
  if (linking.typesLinkCode(turn, text)) return linking.linkWithCode(turn, text);
  if (linking.asksOwnStatus(turn, text)) return linking.status(turn);
  return answerQuestion(turn, raw);
}
