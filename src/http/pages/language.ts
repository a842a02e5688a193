// The browser's preferred language among ours, from Accept-Language ("fr-FR,en;q=0.8,vi;q=0.5" → en):
// the first of vi and en by the weights the browser gives; Vietnamese when it names neither.
import type { Lang } from '../../i18n/messages.js';

export function preferredLanguage(header: string | string[] | undefined): Lang {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  let best: { lang: Lang; q: number } | undefined;
  for (const part of text.slice(0, 500).split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const base = tag.split('-')[0];
    if (base !== 'vi' && base !== 'en') continue;
    const weight = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    const q = weight === undefined ? 1 : Number(weight);
    // The first one named wins a tie, as the browser lists them in its order of preference.
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang: base, q };
  }
  return best?.lang ?? 'vi';
}
