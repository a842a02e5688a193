// Posts a rendition to the Telegram channel with sendVideo.
import { Api, InputFile } from 'grammy';
import type { VideoPublisher } from '../../services/clips/publish-publication.js';

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
