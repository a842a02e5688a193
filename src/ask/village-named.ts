// A line that names exactly one handbook village, as a whole: its id, a name or an alias, with or without
// diacritics ("Bát Tràng", "bat trang", "bat-trang", "📍 Tây Tựu"). How staff say a clip's village in a
// Telegram caption; a name two villages share ("Phùng Xá") names none.
import type { Knowledge } from './knowledge.js';
import type { VillageEntry } from '../content/schema.js';
import { fold, plain } from './normalize.js';

export function villageNamed(k: Knowledge, line: string): VillageEntry | undefined {
  const text = line.trim();
  if (!text || text.length > 100) return undefined;
  const byId = k.villages.get(fold(text).replace(/ /g, '-'));
  if (byId) return byId;
  const folded = fold(text);
  const refs = folded.includes(' ') ? k.phrases.get(folded) : (k.accentedWords.get(plain(text)) ?? k.plainWords.get(folded));
  const ids = [...new Set((refs ?? []).filter((ref) => ref.type === 'village').map((ref) => ref.id))];
  return ids.length === 1 ? k.villages.get(ids[0]!) : undefined;
}
