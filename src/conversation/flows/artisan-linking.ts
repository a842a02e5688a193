// An artisan's own recognition status: a chat linked to its record (by a one-time code or, on Telegram,
// its own shared phone number) sees its applications; any other chat is told how to link. "Forget me"
// and /unlink remove the link.
import { asksForOwnStatus } from '../../ask/understand.js';
import { fold } from '../../ask/normalize.js';
import type { LinkResult } from '../../services/artisans/linking.js';
import type { Turn } from '../turn.js';
import type { Outcome } from '../types.js';

const FORGET_ME = new Set(['forget me', 'quen toi', 'hay quen toi', 'xoa lien ket', 'huy lien ket']);
const LINK_CODE = /^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/;

export const asksToForget = (text: string) => FORGET_ME.has(fold(text));

/** Just told how to link, the chat types the code. */
export const typesLinkCode = (turn: Turn, text: string) => Boolean(turn.state.awaitingCode) && LINK_CODE.test(text);

/** "What about my application?": only where there are records to look in. */
export const asksOwnStatus = (turn: Turn, text: string) => Boolean(turn.deps.artisans) && asksForOwnStatus(text);

/** The chat's own applications, or how to link it to its record; nothing about anyone else. */
export async function status(turn: Turn): Promise<Outcome> {
  const { deps, client } = turn;
  const started = performance.now();
  const outcome = await statusOrHowToLink(turn);
  // Logged as the intent only: an artisan's words about their own application are not kept.
  if (deps.channel)
    deps.recorder?.record({
      channel: deps.channel,
      chat: client.chatKey,
      lang: turn.lang,
      text: null,
      folded: null,
      intent: 'artisan-status',
      entries: [],
      unknown: false,
      latencyMs: performance.now() - started,
    });
  return outcome;
}

async function statusOrHowToLink(turn: Turn): Promise<Outcome> {
  const { deps, client, t } = turn;
  const text = deps.artisans && client.identity ? await deps.artisans.statusText(client.identity, turn.lang) : undefined;
  if (text) return turn.done([{ text, buttons: [[turn.menuButton()]] }], { ...turn.state, awaitingCode: false });
  return turn.done(
    [
      {
        text: t('artisan-how-to-link', { contact: client.canShareContact ? 'yes' : 'no' }),
        requestContact: client.canShareContact,
        buttons: client.canShareContact ? undefined : [[turn.menuButton()]],
      },
    ],
    { ...turn.state, awaitingCode: true },
  );
}

export async function linkWithCode(turn: Turn, code: string): Promise<Outcome> {
  const { deps, client } = turn;
  if (!deps.artisans || !client.identity) return turn.done([{ text: turn.t('artisan-link-refused') }]);
  return linked(turn, await deps.artisans.linkByCode(client.identity, code, turn.lang));
}

export async function linkWithPhone(turn: Turn, phone: string, own: boolean): Promise<Outcome> {
  const { deps, client } = turn;
  if (!deps.artisans || !client.identity) return turn.done([{ text: turn.t('artisan-link-refused') }]);
  return linked(turn, await deps.artisans.linkByPhone(client.identity, phone, own, turn.lang));
}

export async function unlink(turn: Turn): Promise<Outcome> {
  const { deps, client } = turn;
  const removed = deps.artisans && client.identity ? await deps.artisans.unlink(client.identity) : false;
  return turn.done([{ text: turn.t(removed ? 'artisan-unlinked' : 'artisan-not-linked'), buttons: [[turn.menuButton()]] }], {
    ...turn.state,
    awaitingCode: false,
  });
}

async function linked(turn: Turn, result: LinkResult): Promise<Outcome> {
  const { t } = turn;
  if (!result.ok) {
    const id = result.reason === 'locked' ? 'artisan-link-locked' : result.reason === 'not_own' ? 'artisan-contact-not-own' : 'artisan-link-refused';
    return turn.done([{ text: t(id) }]);
  }
  const summary = await turn.deps.artisans!.statusText(turn.client.identity!, turn.lang);
  return turn.done([{ text: [t('artisan-linked', { name: result.name }), summary].filter(Boolean).join('\n\n'), buttons: [[turn.menuButton()]] }], {
    ...turn.state,
    awaitingCode: false,
  });
}
