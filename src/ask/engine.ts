// The Q&A engine: a visitor's question → an answer from the handbook, as data.
import { detectLanguage, fold } from './normalize.js';
import type { VillageEntry } from '../content/schema.js';

export const intents = ['village', 'villages', 'route', 'product', 'nearby', 'recognition', 'help', 'unknown'] as const;
export type Intent = (typeof intents)[number];
export type Lang = 'vi' | 'en';

export interface AskInput {
  text: string;
  lang?: string;
  location?: { lat: number; lon: number };
}

export interface AnswerItem {
  type: 'village' | 'route' | 'product';
  id: string;
  name: string;
}

export interface Answer {
  lang: Lang;
  intent: Intent;
  text: string;
  items: AnswerItem[];
}

interface IndexedVillage {
  village: VillageEntry;
  keys: string[];
}

const HELP_WORDS = /^(hi|hello|hey|help|start|xin chao|chao|chao ban|giup|giup toi|huong dan|menu)( .*)?$/;

const copy = {
  help: {
    vi: 'Xin chào! Tôi là LangNghe, sổ tay điện tử về làng nghề Hà Nội. Hãy hỏi tôi về một làng nghề (ví dụ: "Bát Tràng ở đâu?"), một nghề, một tuyến tham quan hoặc sản phẩm OCOP.',
    en: 'Hello! I am LangNghe, the electronic handbook of Hanoi\'s craft villages. Ask me about a village (for example "where is Bat Trang?"), a craft, a touring route or OCOP products.',
  },
  unknown: {
    vi: 'Xin lỗi, sổ tay chưa có câu trả lời cho câu hỏi này. Bạn có thể hỏi về một làng nghề, một nghề, tuyến tham quan hoặc sản phẩm OCOP.',
    en: 'Sorry, the handbook has no answer to that yet. You can ask about a craft village, a craft, a touring route or OCOP products.',
  },
  address: { vi: 'Địa chỉ', en: 'Address' },
  formerly: { vi: 'trước đây', en: 'formerly' },
};

export class AskEngine {
  private index: IndexedVillage[] = [];

  constructor(villages: VillageEntry[] = []) {
    this.load(villages);
  }

  /** Replaces the handbook the engine answers from (after an import). */
  load(villages: VillageEntry[]): void {
    this.index = villages.map((village) => ({
      village,
      keys: [...new Set([village.name.vi, village.name.en, village.id.replace(/-/g, ' '), ...village.aliases].map(fold))]
        .filter((key) => key.length >= 3)
        .sort((a, b) => b.length - a.length),
    }));
  }

  ask(input: AskInput): Answer {
    const lang: Lang = input.lang === 'vi' || input.lang === 'en' ? input.lang : detectLanguage(input.text);
    const question = ` ${fold(input.text)} `;
    const match = this.findVillage(question);
    if (match) {
      return { lang, intent: 'village', text: this.describeVillage(match, lang), items: [villageItem(match, lang)] };
    }
    if (HELP_WORDS.test(question.trim())) return { lang, intent: 'help', text: copy.help[lang], items: [] };
    return { lang, intent: 'unknown', text: copy.unknown[lang], items: [] };
  }

  private findVillage(question: string): VillageEntry | undefined {
    let best: { village: VillageEntry; length: number } | undefined;
    for (const { village, keys } of this.index) {
      const key = keys.find((k) => question.includes(` ${k} `));
      if (key && (!best || key.length > best.length)) best = { village, length: key.length };
    }
    return best?.village;
  }

  private describeVillage(village: VillageEntry, lang: Lang): string {
    const { commune, formerCommune, formerDistrict } = village.address;
    const former = [formerCommune, formerDistrict].filter(Boolean).join(', ');
    const address = [commune, former && `(${copy.formerly[lang]}: ${former})`].filter(Boolean).join(' ');
    return [`${village.name[lang]}: ${village.summary[lang]}`, address && `${copy.address[lang]}: ${address}`]
      .filter(Boolean)
      .join('\n');
  }
}

function villageItem(village: VillageEntry, lang: Lang): AnswerItem {
  return { type: 'village', id: village.id, name: village.name[lang] };
}
