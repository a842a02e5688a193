// A clip's captions, every use case bound to its dependencies: attach (SRT or WebVTT, stored as WebVTT),
// list, remove, and the captions job that burns them into the Telegram video.
import type { CaptionLang } from '../../domain/captions/parse-captions.js';
import { enqueueCaptionBurn } from '../../jobs/queues.js';
import { burnCaptions } from './burn-captions.js';
import { deleteCaptions } from './delete-captions.js';
import { mediaUrl, type CaptionDeps } from './deps.js';
import { putCaptions } from './put-captions.js';

export type { CaptionDeps };

export function createCaptionsService(deps: CaptionDeps) {
  return {
    put: (input: { clipId: string; lang: CaptionLang; body: Uint8Array }) => putCaptions(deps, input),
    delete: (clipId: string, lang: CaptionLang) => deleteCaptions(deps, clipId, lang),
    list: async (clipId: string, options: { relativeUrls?: boolean } = {}) =>
      (await deps.captions.list(clipId)).map((c) => ({
        lang: c.lang,
        cues: c.cues,
        bytes: c.bytes,
        updatedAt: c.updatedAt.toISOString(),
        url: mediaUrl(options.relativeUrls ? {} : deps, c.path),
      })),
    /** The captions job's work. */
    burn: (clipId: string) => burnCaptions(deps, clipId),
    /** The clip may need its captions burned (it became ready, or its choice changed): the job decides. */
    requestBurn: (clipId: string) => enqueueCaptionBurn(deps.queues, clipId),
    /** Burned videos missing for clips that ask for them (a job lost with Redis) get their job again. */
    reconcile: async () => {
      const ids = await deps.captions.clipsToBurn(100);
      for (const clipId of ids) await enqueueCaptionBurn(deps.queues, clipId, { keepFailed: true });
      return ids.length;
    },
  };
}

export type CaptionsService = ReturnType<typeof createCaptionsService>;
