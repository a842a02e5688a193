// Builds the channel-free dialogue for unit tests: the real Q&A engine over the handbook in content/, a
// conversation memory in a Map, and a chat that keeps its state between turns as a channel would.
import { AskEngine } from '../../src/ask/engine.js';
import { Knowledge } from '../../src/ask/knowledge.js';
import { loadHandbook } from '../../src/content/load.js';
import { createDialogue, type Client, type DialogueDeps } from '../../src/conversation/dialogue.js';
import type { Button, ChatState, Incoming, Reply } from '../../src/conversation/types.js';
import { Messages } from '../../src/i18n/messages.js';
import { createLogger } from '../../src/logger.js';
import type { ConversationStore } from '../../src/services/ask/conversation-store.js';

export const handbook = loadHandbook('content');
export const messages = new Messages('content/locales');
export const knowledge = new Knowledge(handbook);
const engine = new AskEngine(knowledge, messages);

function memoryConversations(): ConversationStore {
  const contexts = new Map<string, object>();
  return {
    get: async (id) => contexts.get(id) ?? {},
    set: async (id, context) => void contexts.set(id, context),
  };
}

export function buildDialogue(options: Partial<Omit<DialogueDeps, 'ask' | 'messages'>> = {}) {
  return createDialogue({
    ask: { engine, messages, conversations: memoryConversations(), logger: createLogger({ level: 'silent', secrets: [] }) },
    messages,
    textLimit: 4096,
    ...options,
  });
}

/** A chat with the dialogue: each turn starts from the state the last one left, as Telegram's session. */
export function openChat(dialogue = buildDialogue(), client: Client = {}, state: ChatState = {}) {
  const chat = {
    state,
    async send(incoming: Incoming): Promise<Reply[]> {
      const outcome = await dialogue.handle(chat.state, incoming, client);
      chat.state = outcome.state;
      return outcome.replies;
    },
    command: (command: Extract<Incoming, { type: 'command' }>['command'], argument?: string) => chat.send({ type: 'command', command, argument }),
    text: (text: string) => chat.send({ type: 'text', text }),
    /** Presses the button of a reply with that label (a list entry or any other). */
    press: (reply: Reply | undefined, label: string) =>
      chat.send({
        type: 'action',
        data: actionOf(
          buttonsOf(reply).find((b) => b.label === label),
          label,
        ),
      }),
  };
  return chat;
}

export const buttonsOf = (reply: Reply | undefined): Button[] => [...(reply?.items ?? []), ...(reply?.buttons ?? []).flat()];

export const labelsOf = (reply: Reply | undefined): string[] => buttonsOf(reply).map((b) => b.label);

export const rowLabels = (reply: Reply | undefined): string[][] => (reply?.buttons ?? []).map((row) => row.map((b) => b.label));

function actionOf(button: Button | undefined, label: string): string {
  if (!button || !('action' in button)) throw new Error(`no button "${label}" with an action`);
  return button.action;
}
