// Every user-facing text comes from the Fluent files in content/locales (vi.ftl, en.ftl).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';

export const languages = ['vi', 'en'] as const;
export type Lang = (typeof languages)[number];

export class Messages {
  private readonly bundles = new Map<Lang, FluentBundle>();
  private readonly ids = new Map<Lang, Set<string>>();

  constructor(localesDir: string) {
    for (const lang of languages) {
      // No bidi isolation marks: chat apps would show them as stray characters.
      const bundle = new FluentBundle(lang, { useIsolating: false });
      const resource = new FluentResource(readFileSync(join(localesDir, `${lang}.ftl`), 'utf8'));
      const errors = bundle.addResource(resource);
      if (errors.length) throw new Error(`${lang}.ftl: ${errors.map((e) => e.message).join('; ')}`);
      this.bundles.set(lang, bundle);
      this.ids.set(lang, new Set(resource.body.map((entry) => entry.id)));
    }
  }

  t(lang: Lang, id: string, args?: Record<string, FluentVariable>): string {
    const bundle = this.bundles.get(lang)!;
    const message = bundle.getMessage(id);
    if (!message?.value) throw new Error(`missing message "${id}" in ${lang}.ftl`);
    return bundle.formatPattern(message.value, args);
  }

  /** Ids that one language has and the other lacks (checked by a test). */
  missing(): string[] {
    const [vi, en] = [this.ids.get('vi')!, this.ids.get('en')!];
    return [...[...vi].filter((id) => !en.has(id)).map((id) => `en: ${id}`), ...[...en].filter((id) => !vi.has(id)).map((id) => `vi: ${id}`)];
  }
}
