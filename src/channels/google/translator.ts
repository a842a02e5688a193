// Google Translate (v2 client, API key) behind the Translator port, every translation cached through the
// translation repository (PostgreSQL): the same sentence is never paid for twice. The key travels only in the request; errors are reported without it.
import { v2 } from '@google-cloud/translate';
import type { Translator } from '../../domain/translation/translator.js';
import type { TranslationRepository } from '../../data/translation-repository.js';

export class TranslationError extends Error {
  name = 'TranslationError';
}

export function createGoogleTranslator(options: {
  apiKey: string;
  /** The whole base URL, e.g. http://127.0.0.1:9000/language/translate/v2 (tests), else Google's. */
  endpoint?: string;
  /** Translations already paid for. */
  cache: Pick<TranslationRepository, 'find' | 'save'>;
  timeoutMs?: number;
}): Translator {
  // One retry at most: the visitor is waiting, and an answer in English is better than none.
  const client = new v2.Translate({ key: options.apiKey, maxRetries: 1 });
  if (options.endpoint) (client as unknown as { baseUrl: string }).baseUrl = options.endpoint.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 5000;

  return {
    async translate(text, target, source) {
      const cached = await options.cache.find(text, target, source);
      if (cached) return { text: cached.translated, sourceLang: cached.sourceLang };
      let result: [string, { data?: { translations?: Array<{ detectedSourceLanguage?: string }> } }];
      try {
        result = (await Promise.race([
          client.translate(text, { to: target, ...(source ? { from: source } : {}), format: 'text' }),
          new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs)),
        ])) as typeof result;
      } catch (error) {
        const message = (error as Error).message?.split(options.apiKey).join('[redacted]') ?? 'unknown error';
        throw new TranslationError(`Google Translate failed: ${message}`);
      }
      const [translated, response] = result;
      const sourceLang = source ?? response?.data?.translations?.[0]?.detectedSourceLanguage;
      await options.cache.save({ text, target, source, translated, sourceLang });
      return { text: translated, sourceLang };
    },
  };
}
