// The port the Q&A and the captions translate through; src/channels/google/translator.ts implements it.
export interface Translation {
  text: string;
  /** The language detected, when it was asked to detect. */
  sourceLang?: string;
}

export interface Translator {
  translate(text: string, target: string, source?: string): Promise<Translation>;
}
