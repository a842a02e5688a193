// Posts a rendition to the Telegram channel with sendVideo, and sends what we write unasked (notifications).
import { Api, GrammyError, InputFile } from 'grammy';
import { autoRetry } from '@grammyjs/auto-retry';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import { PermanentSendError } from '../../domain/artisans/notification-senders.js';
import { PermanentPublishError, type ChannelPublisher } from '../../services/publishing/publish-publication.js';

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

/**
 * Posts videos to the channel. 429s are waited out (retry_after) and 5xx retried by auto-retry; Telegram's
 * other refusals (chat not found, file too big, bot not an admin) can never succeed and are permanent.
 */
export function createTelegramPublisher(options: { token: string; apiRoot: string; channelId: string }): ChannelPublisher {
  const api = new Api(options.token, { apiRoot: options.apiRoot, timeoutSeconds: 600 });
  api.config.use(autoRetry({ maxRetryAttempts: 8, maxDelaySeconds: 300 }));
  return {
    async sendVideo(video) {
      try {
        const message = await api.sendVideo(options.channelId, 'fileId' in video.file ? video.file.fileId : new InputFile(video.file.path), {
          caption: video.caption.slice(0, 1024),
          width: video.width,
          height: video.height,
          duration: video.durationSec,
          supports_streaming: true,
          // Telegram takes a thumbnail only with an upload: JPEG, at most 320 px and 200 kB.
          thumbnail: video.thumbnailPath && 'path' in video.file ? new InputFile(video.thumbnailPath) : undefined,
        });
        return { messageId: String(message.message_id), fileId: message.video?.file_id };
      } catch (error) {
        if (error instanceof GrammyError && error.error_code !== 429 && error.error_code < 500) throw new PermanentPublishError(error.description);
        throw error;
      }
    },
  };
}
