// The villages of /villages: filtered by craft, area (former district or new commune), recognition title and
// OCOP, and found by text with the bot's own reading of names (src/ask: exact names, aliases, names typed
// with a mistake or without diacritics, craft words), then by every word appearing in what the card shows.
// Also the filters' choices, each with how many villages it holds. The cards, their text and the choices are
// worked out once per handbook snapshot; a request only filters them.
import { understand } from '../../ask/understand.js';
import { fold, tokens } from '../../ask/normalize.js';
import { stopwords } from '../../ask/lexicon.js';
import { remember, type HandbookSnapshot, type HandbookSnapshotSource } from './handbook-snapshot.js';
import { villageSummary, type VillageSummary } from './village-summary.js';

export interface VillageFilter {
  q?: string;
  craft?: string;
  /** A former district's key (gia-lam) or a new commune's (bat-trang). */
  district?: string;
  /** A recognition title (craft_village, traditional_craft_village, …), confirmed. */
  title?: string;
  /** Only villages with a product of confirmed OCOP stars. */
  ocop?: boolean;
}

export interface VillageChoices {
  crafts: Array<{ id: string; name: { vi: string; en: string }; count: number }>;
  districts: Array<{ key: string; name: string; count: number }>;
  titles: Array<{ title: string; count: number }>;
}

export interface VillageSearch {
  villages: VillageSummary[];
  total: number;
  choices: VillageChoices;
}

// Longer questions are cut: the bot's reading is for names, not essays.
const MAX_QUERY = 200;
// Words that only say "village", "craft" or "Hanoi" narrow nothing.
const GENERIC_WORDS = new Set(['lang', 'village', 'villages', 'craft', 'nghe', 'ha', 'noi', 'hanoi']);
const collator = new Intl.Collator('vi');

interface Row {
  summary: VillageSummary;
  /** Names, aliases, crafts and places, folded, with a space at each end for whole-word look-ups. */
  haystack: string;
}

function villageIndex(snap: HandbookSnapshot) {
  return remember(snap, 'search-villages', () => {
    const { knowledge } = snap;
    const craftWords = (id: string) => {
      const craft = knowledge.crafts.get(id);
      return craft ? [craft.name.vi, craft.name.en, ...craft.aliases] : [id];
    };
    const rows: Row[] = snap.handbook.villages
      .map((village) => {
        const summary = villageSummary(snap, village);
        const words = [
          village.name.vi,
          village.name.en,
          ...village.aliases,
          ...village.crafts.flatMap(craftWords),
          summary.district?.name ?? '',
          summary.formerCommune ?? '',
          ...summary.communes.map((c) => c.name),
        ];
        return { summary, haystack: ` ${fold(words.join(' '))} ` };
      })
      .sort((a, b) => collator.compare(a.summary.name.vi, b.summary.name.vi));

    const count = <K>(keys: (s: VillageSummary) => K[]) => {
      const counts = new Map<K, number>();
      for (const { summary } of rows) for (const key of new Set(keys(summary))) counts.set(key, (counts.get(key) ?? 0) + 1);
      return counts;
    };
    const districtNames = new Map(rows.flatMap(({ summary }) => (summary.district ? [[summary.district.key, summary.district.name] as const] : [])));
    const choices: VillageChoices = {
      crafts: [...count((s) => s.crafts.map((c) => c.id))]
        .map(([id, n]) => ({ id, name: knowledge.crafts.get(id)?.name ?? { vi: id, en: id }, count: n }))
        .sort((a, b) => collator.compare(a.name.vi, b.name.vi)),
      districts: [...count((s) => (s.district ? [s.district.key] : []))]
        .map(([key, n]) => ({ key, name: districtNames.get(key)!, count: n }))
        .sort((a, b) => collator.compare(a.name, b.name)),
      titles: [...count((s) => s.titles.map((t) => t.title))].map(([title, n]) => ({ title, count: n })).sort((a, b) => b.count - a.count),
    };
    return { rows, choices };
  });
}

export async function searchVillages(snapshot: HandbookSnapshotSource, filter: VillageFilter = {}): Promise<VillageSearch> {
  const snap = await snapshot();
  const { rows, choices } = villageIndex(snap);

  const inArea = (s: VillageSummary, key: string) => s.district?.key === key || s.communes.some((c) => c.key === key);
  let found = rows.filter(
    ({ summary: s }) =>
      (!filter.craft || s.crafts.some((c) => c.id === filter.craft)) &&
      (!filter.district || inArea(s, filter.district)) &&
      (!filter.title || s.titles.some((t) => t.title === filter.title)) &&
      (!filter.ocop || s.ocopProducts > 0),
  );

  const q = (filter.q ?? '').trim().slice(0, MAX_QUERY);
  if (q) {
    // The bot's reading first: the villages it names (typos too), then the villages of the crafts it names…
    const reading = understand(snap.knowledge, q);
    const rank = new Map<string, number>();
    reading.villages.forEach((id, i) => rank.set(id, i));
    for (const craft of reading.crafts) {
      for (const v of snap.knowledge.villagesByCraft.get(craft) ?? []) if (!rank.has(v.id)) rank.set(v.id, 1000 + rank.size);
    }
    // …then every village whose card holds every word, as whole words ("gia" is Gia Lâm's, not the start of "giấy").
    const words = tokens(fold(q)).filter((w) => !stopwords.has(w) && !GENERIC_WORDS.has(w));
    found = found.filter(({ summary, haystack }) => {
      if (rank.has(summary.id)) return true;
      if (!words.length || !words.every((w) => haystack.includes(` ${w} `))) return false;
      rank.set(summary.id, 10_000 + rank.size);
      return true;
    });
    found.sort((a, b) => rank.get(a.summary.id)! - rank.get(b.summary.id)!);
  }

  return { villages: found.map((row) => row.summary), total: rows.length, choices };
}
