// The stages of each kind of application, as content/stages.yaml gives them.
import type { Lang } from '../../i18n/messages.js';

export interface Stage {
  id: string;
  label: { vi: string; en: string };
  next?: { vi: string; en: string };
  final?: boolean;
}

export class StageBook {
  constructor(private readonly byKind: Record<string, Stage[]>) {}

  /** From the handbook's stages.yaml, as imported. */
  static from(handbook: { stages: Record<string, { stages: Stage[] }> | null }): StageBook {
    return new StageBook(Object.fromEntries(Object.entries(handbook.stages ?? {}).map(([kind, entry]) => [kind, entry.stages])));
  }

  first(kind: string): string {
    const stage = this.byKind[kind]?.[0];
    if (!stage) throw new Error(`content/stages.yaml has no stages for ${kind}`);
    return stage.id;
  }

  /** Every stage of a kind, in order. */
  of(kind: string): Stage[] {
    return this.byKind[kind] ?? [];
  }

  has(kind: string, stage: string): boolean {
    return Boolean(this.byKind[kind]?.some((s) => s.id === stage));
  }

  find(kind: string, stage: string): Stage | undefined {
    return this.byKind[kind]?.find((s) => s.id === stage);
  }

  label(kind: string, stage: string, lang: Lang): string {
    return this.find(kind, stage)?.label[lang] ?? stage;
  }
}
