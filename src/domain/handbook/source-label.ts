// A source URL as a reader can take it in: the site's name and a title read from the address (percent-encoding
// decoded, the article number and file extension dropped), so a page lists "VnExpress — Cam nang du lich lang gom
// bat trang" instead of the raw URL.

export interface SourceLabel {
  url: string;
  site: string;
  /** Words of the address's last meaningful part; empty when the address has none (a bare number, a query). */
  title: string;
}

// The sites the handbook cites most, by their own names; any other site is shown by its host name.
const SITE_NAMES: Record<string, string> = {
  'vnexpress.net': 'VnExpress',
  'ngoisao.vnexpress.net': 'Ngôi Sao (VnExpress)',
  'hanoimoi.vn': 'Hà Nội Mới',
  'hanoimoi.com.vn': 'Hà Nội Mới',
  'nhipsonghanoi.hanoimoi.vn': 'Nhịp sống Hà Nội',
  'nhipsonghanoi.hanoimoi.com.vn': 'Nhịp sống Hà Nội',
  'nhandan.vn': 'Nhân Dân',
  'baophapluat.vn': 'Báo Pháp luật Việt Nam',
  'vietnamnews.vn': 'Việt Nam News',
  'langngheviet.com.vn': 'Làng nghề Việt',
  'ocopvietnam.langngheviet.com.vn': 'OCOP Việt Nam (Làng nghề Việt)',
  'hanoidep.vn': 'Hà Nội Đẹp',
  'baodautu.vn': 'Báo Đầu tư',
  'kinhtedothi.vn': 'Kinh tế & Đô thị',
  'beta.kinhtedothi.vn': 'Kinh tế & Đô thị',
  'hanoitimes.vn': 'The Hanoi Times',
  'vietnamplus.vn': 'VietnamPlus',
  'en.vietnamplus.vn': 'VietnamPlus (English)',
  'vietnam.vn': 'Vietnam.vn',
  'dantri.com.vn': 'Dân trí',
  'dtinews.dantri.com.vn': 'Dân trí International',
  'english.vov.vn': 'VOV (English)',
  'vovworld.vn': 'VOV World',
  'm.vovworld.vn': 'VOV World',
  'giaoducthoidai.vn': 'Giáo dục & Thời đại',
  'nguoihanoi.vn': 'Người Hà Nội',
  'laodongthudo.vn': 'Lao động Thủ đô',
  'tamlongvang.laodong.com.vn': 'Lao Động',
  'news.laodong.vn': 'Lao Động',
  'tuoitrethudo.vn': 'Tuổi trẻ Thủ đô',
  'kinhtenongthon.vn': 'Kinh tế Nông thôn',
  'danviet.vn': 'Dân Việt',
  'nongnghiep.vn': 'Nông nghiệp Việt Nam',
  'phunuvietnam.vn': 'Phụ nữ Việt Nam',
  'baomoi.net.vn': 'Báo Mới',
  'lite.baomoi.com': 'Báo Mới',
  'vietnam.vnanet.vn': 'Vietnam Pictorial (VNA)',
  'github.com': 'GitHub',
  'en.wikipedia.org': 'Wikipedia',
  'vi.wikipedia.org': 'Wikipedia tiếng Việt',
  'vi.m.wikipedia.org': 'Wikipedia tiếng Việt',
  'online.flipbuilder.com': 'FlipBuilder',
  'hanoionline.vn': 'Hà Nội Online',
  'langnghehanoi.gov.vn': 'Làng nghề Hà Nội',
  'battrangvietnam.vn': 'Bát Tràng Việt Nam',
};

// Path parts that name a section, not the article.
const GENERIC_PARTS = new Set(['wiki', 'tin-tuc', 'tag', 'print', 'news', 'post', 'index.php', 'item', 'view', 'document', 'home', 'vi', 'en', 'cat']);

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** "vi.m.wikipedia.org." → the host without "www.", the trailing dot and the port. */
const hostOf = (url: URL) =>
  url.hostname
    .replace(/\.$/, '')
    .replace(/^www\./, '')
    .toLowerCase();

export function siteName(url: URL): string {
  const host = hostOf(url);
  return SITE_NAMES[host] ?? host;
}

/** The readable words of one path part: extension, article numbers and ids dropped, dashes made spaces. */
function wordsOf(part: string): string {
  const words = decode(part.replace(/\+/g, ' '))
    .replace(/\.[a-z]{2,6}$/i, '')
    .replace(/[-_.]+(post|a|d|c|p)?\d{3,}(\d|[-_])*$/i, '')
    .replace(/^\d+[-_]/, '')
    .replace(/[-_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Nothing but numbers (an article number or a date) is no title.
  return /[\p{L}]{2,}/u.test(words) ? words : '';
}

/** The site's name and a title read from the address; for a URL that cannot be parsed, the text itself. */
export function sourceLabel(raw: string): SourceLabel {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { url: raw, site: raw, title: '' };
  }
  const site = siteName(url);
  const parts = url.pathname.split('/').filter(Boolean);
  let title = '';
  // A repository is named by its owner and name.
  if (hostOf(url) === 'github.com' && parts.length >= 2) return { url: raw, site, title: `${parts[0]}/${parts[1]}` };
  for (let i = parts.length - 1; i >= 0 && !title; i -= 1) {
    if (GENERIC_PARTS.has(parts[i]!.toLowerCase().replace(/\.[a-z]{2,6}$/, ''))) continue;
    title = wordsOf(parts[i]!);
  }
  if (title) title = title.charAt(0).toLocaleUpperCase('vi') + title.slice(1);
  return { url: raw, site, title };
}
