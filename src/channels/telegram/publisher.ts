// Posts a rendition to the Telegram channel with sendVideo, and sends what we write unasked (notifications).
import { Api, GrammyError, InputFile } from 'grammy';
import { autoRetry } from '@grammyjs/auto-retry';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import { PermanentSendError } from '../../services/artisans/notify.js';
import type { VideoPublisher } from '../../services/clips/publish-publication.js';

/** Notifications to a chat: throttled and retried like every message we send unasked. */
export function createTelegramSender(options: { token: string; apiRoot: string }) {
  const api = new Api(options.token, { apiRoot: options.apiRoot, timeoutSeconds: 30 });
  api.config.use(apiThrottler());
  api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 300 }));
  return async (chatId: string, text: string) => {
    try {
      await api.sendMessage(chatId, text);
    } catch (error) {
      // Blocked by the user, chat gone: retrying cannot help.
      if (error instanceof GrammyError && (error.error_code === 400 || error.error_code === 403)) throw new PermanentSendError(error.description);
      throw error;
    }
  };
}

export function createTelegramPublisher(options: { token: string; apiRoot: string; channelId: string }): VideoPublisher {
  const api = new Api(options.token, { apiRoot: options.apiRoot, timeoutSeconds: 600 });
  return {
    async sendVideo(video) {
      const message = await api.sendVideo(options.channelId, new InputFile(video.path), {
        caption: video.caption.slice(0, 1024),
        width: video.width,
        height: video.height,
        duration: video.durationSec,
        supports_streaming: true,
        thumbnail: video.posterPath ? new InputFile(video.posterPath) : undefined,
      });
      return String(message.message_id);
    },
  };
}
