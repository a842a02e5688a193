// Folds Vietnamese the way people type it on a phone: without diacritics, any case, loose punctuation.

/** "Bát Tràng ở đâu?" → "bat trang o dau" */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const VIETNAMESE_LETTERS = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
// Common unaccented Vietnamese words that English does not use.
const VIETNAMESE_WORDS = new Set(
  'o dau lang nghe gom lua non nao khong co gi the nao bao nhieu xa huyen duong di toi minh ban cho xin chao cam on mua lam cua nhung voi va tai'.split(' '),
);

export function detectLanguage(text: string): 'vi' | 'en' {
  if (VIETNAMESE_LETTERS.test(text)) return 'vi';
  const words = fold(text).split(' ');
  const hits = words.filter((word) => VIETNAMESE_WORDS.has(word)).length;
  return hits > 0 && hits * 3 >= words.length ? 'vi' : 'en';
}
