// Chat apps cap a message's length (Telegram 4096 characters, Zalo 2000): long text is cut at the end of
// a sentence, and the rest follows on request ("more") or in further messages.

/** Splits text into parts no longer than `limit`, each ending at a sentence or line where possible. */
export function splitText(text: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const cut = Math.max(window.lastIndexOf('\n'), ...['. ', '! ', '? ', '。'].map((end) => window.lastIndexOf(end) + 1));
    const at = cut > limit / 3 ? cut : window.lastIndexOf(' ') > limit / 3 ? window.lastIndexOf(' ') : limit;
    parts.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}
