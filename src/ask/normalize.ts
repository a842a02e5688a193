// Folds Vietnamese the way people type it on a phone: without diacritics, any case, loose punctuation.

export const NON_ASCII = /[\u0080-\uffff]/;
// ASCII has nothing to decompose, and its only letters and digits are a-z and 0-9 once lower-cased.
const foldAscii = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

// A message is folded by each check it passes on its way (forget me, vlog wishes, the engine, the question
// log): the last text's folding is kept.
let lastText = '';
let lastFolded = '';

/** "Bát Tràng ở đâu?" → "bat trang o dau" */
export function fold(text: string): string {
  if (text !== lastText) {
    lastFolded = foldAnew(text);
    lastText = text;
  }
  return lastFolded;
}

function foldAnew(text: string): string {
  if (!NON_ASCII.test(text)) return foldAscii(text);
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Lower case with diacritics kept (NFC), punctuation gone: "Giò chả!" → "giò chả" */
export function plain(text: string): string {
  // ASCII is already NFC and has no diacritics to keep: its plain form is its folded one.
  if (!NON_ASCII.test(text)) return foldAscii(text);
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const tokens = (folded: string): string[] => (folded ? folded.split(' ') : []);

// Letters only Vietnamese writes; à, é, ô… are shared with French and prove less.
const VIETNAMESE_LETTERS = /[ăđơưạảẵặằắẳầấẩẫậẹẻẽềếểễệỉịĩọỏồốổỗộờớởỡợụủũừứửữựỳỷỹỵ]/i;
const SHARED_ACCENTS = /[àáâãèéêìíòóôõùúý]/i;
// Letters Vietnamese never uses: a sign of French, Spanish, German…
const OTHER_LATIN_LETTERS = /[çñßäöüëïÿœæåøčšžłąęőű¿¡]/i;
const NON_LATIN_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Thai}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Greek}\p{Script=Devanagari}\p{Script=Khmer}\p{Script=Lao}]/u;

const VIETNAMESE_WORDS = new Set(
  (
    'o dau lang nghe gom lua non nao khong co gi the nao bao nhieu xa huyen duong di toi minh ban cho xin chao cam on mua lam cua ' +
    'nhung voi va tai den tu la mot hai ngay gan day do nay con san pham tuyen may gio nam le hoi lich su ve ai duoc tham quan'
  ).split(' '),
);
const ENGLISH_WORDS = new Set(
  (
    'the a an is are where what which how who when can i you me my to of in on for from village villages craft crafts buy near hi hello hey help ' +
    'get there do does make makes made tour route routes day days trip and or with about tell show find best visit open hours history ' +
    'market markets festival festivals products product opening time far old see buy shop souvenir souvenirs worth any other ' +
    'villages nearby close around art works famous traditional handicraft handicrafts directions bus taxi train weather price'
  ).split(' '),
);
const OTHER_LANGUAGE_WORDS = new Set(
  (
    'le la les est ou une des du au aux et pour dans avec quel quelle village artisanal comment aller ' +
    'el los las esta donde un una del como ir pueblo de ' +
    'der die das ist wo und ein eine dorf wie nach ' +
    'il dove che per una della villaggio come arrivare'
  ).split(' '),
);

export type DetectedLanguage = 'vi' | 'en' | 'other';

/** vi or en from the text itself; 'other' when it looks like neither (then translation decides). */
export function detectLanguage(text: string): DetectedLanguage {
  if (NON_LATIN_SCRIPT.test(text) || OTHER_LATIN_LETTERS.test(text)) return 'other';
  if (VIETNAMESE_LETTERS.test(text)) return 'vi';
  const words = tokens(fold(text));
  const vi = words.filter((w) => VIETNAMESE_WORDS.has(w)).length;
  const en = words.filter((w) => ENGLISH_WORDS.has(w)).length;
  const other = words.filter((w) => OTHER_LANGUAGE_WORDS.has(w) && !ENGLISH_WORDS.has(w) && !VIETNAMESE_WORDS.has(w)).length;
  if (other >= 2 && other > en && other > vi) return 'other';
  if (SHARED_ACCENTS.test(text) || vi > en) return 'vi';
  if (en > 0) return 'en';
  // Only names ("bat trang"): Vietnamese typed without marks is the likelier reading.
  return 'vi';
}
