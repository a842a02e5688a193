// Translations already paid for, by source language, target language and text: the same sentence is
// never sent to Google twice.
import { createHash } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.js';

// The key is a digest: texts can be long, and the key is the table's primary key.
const keyOf = (text: string, target: string, source: string | undefined) => createHash('sha256').update(`${source ?? ''}\0${target}\0${text}`).digest('hex');

export function createTranslationRepository(prisma: PrismaClient) {
  return {
    async find(text: string, target: string, source?: string): Promise<{ translated: string; sourceLang?: string } | null> {
      const row = await prisma.translation.findUnique({ where: { key: keyOf(text, target, source) }, select: { translated: true, sourceLang: true } });
      return row ? { translated: row.translated, sourceLang: row.sourceLang ?? undefined } : null;
    },

    /** Keeps the first translation of a text when two arrive at once. */
    async save(entry: { text: string; target: string; source?: string; translated: string; sourceLang?: string }): Promise<void> {
      const key = keyOf(entry.text, entry.target, entry.source);
      await prisma.translation.upsert({
        where: { key },
        create: { key, targetLang: entry.target, sourceLang: entry.sourceLang, text: entry.text, translated: entry.translated },
        update: {},
      });
    },
  };
}

export type TranslationRepository = ReturnType<typeof createTranslationRepository>;
