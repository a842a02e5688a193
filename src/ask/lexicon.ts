// The words that tell what a question asks, folded (no diacritics). Matched as whole phrases.

export const facets = ['gettingThere', 'history', 'festivals', 'hours', 'shopping', 'see', 'recognition'] as const;
export type Facet = (typeof facets)[number];

const list = (text: string) =>
  text
    .split('|')
    .map((phrase) => phrase.trim())
    .filter(Boolean);

export const lexicon = {
  help: list(
    'hi|hello|hey|help|start|menu|xin chao|chao|chao ban|alo|giup|giup toi|huong dan|huong dan su dung|ban lam duoc gi|ban la ai|' +
      'what can you do|who are you|good morning|chao buoi sang|hi there|hello there',
  ),
  facet: {
    gettingThere: list(
      'how do i get|how to get|how can i get|get there|get to|getting there|getting to|directions|direction|how far|by bus|bus|' +
        'duong di|duong den|duong toi|di the nao|di nhu the nao|di bang gi|cach di|lam sao de den|lam sao den|lam the nao de den|xe buyt|bao xa|chi duong|den do',
    ),
    history: list('history|how old|founded|origin|origins|lich su|bao nhieu nam|co tu bao gio|tu bao gio|nguon goc|to nghe|ra doi|co tu khi nao'),
    festivals: list('festival|festivals|le hoi|hoi lang|ngay hoi|hoi lang'),
    hours: list('opening hours|open|opens|opening|hours|what time|market day|market days|gio mo cua|mo cua|may gio|phien cho|ngay cho|cho hop|hop cho'),
    shopping: list('buy|shop|shopping|souvenir|souvenirs|what can i buy|mua|mua gi|mua sam|mua o dau|qua|qua luu niem'),
    see: list('what to see|what to do|things to do|see|visit|sights|tham quan|xem gi|choi gi|co gi|co gi hay|lam gi'),
    recognition: list('danh hieu|duoc cong nhan|recognition|recognised|recognized|title|titles|heritage'),
  } satisfies Record<Facet, string[]>,
  products: list('product|products|san pham|ocop|dac san|hang hoa'),
  route: list(
    'tour|tours|route|routes|itinerary|itineraries|day trip|trip|trips|excursion|excursions|half day|tuyen|lich trinh|hanh trinh|tuyen du lich|tuyen tham quan|1 ngay|mot ngay|one day|1 day|' +
      'con duong di san|heritage road|heritage route|di qua|' +
      // As typed without diacritics too: lộ trình, chuyến đi, cung đường, du lịch làng nghề, nửa ngày, 2 ngày.
      'lo trinh|chuyen di|cung duong|du lich lang nghe|nua ngay|2 ngay|hai ngay',
  ),
  nearby: list('near|nearby|near me|near here|close to|closest|nearest|around here|gan|gan day|gan do|gan nhat|lan can|xung quanh|quanh day|gan toi'),
  reference: list('there|it|that village|this village|the village|o do|do|lang do|lang nay|cho do|noi do|o day|day'),
  artisan: list(
    'ho so cua toi|ho so|trang thai ocop|trang thai ho so|my application|my applications|my recognition|recognition status|application status|ocop status|my file',
  ),
  // "Which villages …" wants a list even when a village happens to be named.
  which: list('which|which villages|what villages|lang nao|nhung lang nao|cac lang|o dau co|where can i'),
};

// Unaccented single words too ambiguous to name a craft or village on their own:
// "gio" is giờ (hour) before it is giò (pork roll), "may" is English before it is may (sew).
export const ambiguousUnaccented = new Set(
  'may non com gio cha bac hoa ran mien tuong dieu ren kham moc huong cuu bun quat luoi tre go dao dan bat lua'.split(' '),
);
// …but next to these words they can only be the craft or the village: "làm hương", "làng Cựu", "Cuu village".
export const craftContextBefore = new Set('lang lam mua ban nghe det'.split(' '));
export const craftContextAfter = new Set(['village', 'villages']);

// Places outside Hanoi that visitors name: the handbook has no village there.
export const elsewherePlaces = list(
  'bac ninh|hung yen|ha nam|nam dinh|thai binh|hai duong|hai phong|vinh phuc|phu tho|hoa binh|ninh binh|thanh hoa|nghe an|' +
    'quang ninh|ha long|sapa|sa pa|lao cai|ha giang|hue|da nang|hoi an|nha trang|da lat|ho chi minh|sai gon|saigon|can tho|phu quoc|' +
    'bangkok|tokyo|seoul|paris|beijing|china|thailand|japan|korea|' +
    // Other countries as Vietnamese writes them ("tour Nhật Bản", "lich trinh di Trung Quoc").
    'nhat ban|han quoc|trung quoc|thai lan|campuchia|singapore|malaysia|dai loan|hong kong|chau au|nuoc ngoai',
);

// Words that carry no meaning for matching names.
export const stopwords = new Set(
  (
    'o dau la gi cua va voi cho toi ban minh the nao nhu khong co nao nhung cac mot hai lang nghe xa huyen phuong thon ha noi hanoi ' +
    'the a an is are where what which how who when can i you me my to of in on for from do does and or with about tell show ' +
    'find village villages craft crafts please di den tai o day do nay kia duoc muon biet hoi ' +
    // Filler words of a question, in both languages.
    'being made make makes want would like go going some any it its this that these those be been was were will should ' +
    'could there here very much many more most also just only really worth cho minh vay nhe a oi nha thi ma roi hay ' +
    'nen biet xin vui long giup toi em anh chi ban ' +
    // Asking for suggestions: thăm, gợi ý; suggest, recommend, explore.
    'tham goi y suggest recommend explore'
  ).split(' '),
);
