// Sends a due publication to the channel, at most once: the state moves scheduled → publishing with a
// conditional update, so two workers can never both send; a worker that died mid-send leaves "unknown".
import type { ClipDeps } from './deps.js';

export interface VideoPublisher {
  /** Sends the video and returns the channel message id. */
  sendVideo(video: {
    path: string;
    posterPath?: string;
    caption: string;
    width: number;
    height: number;
    durationSec: number;
  }): Promise<string>;
}

export class ClipNotReadyError extends Error {
  name = 'ClipNotReadyError';
}

export type PublishOutcome = 'published' | 'skipped' | 'unknown';

export async function publishPublication(
  deps: ClipDeps & { publisher: VideoPublisher },
  publicationId: string,
): Promise<PublishOutcome> {
  const claimed = await deps.prisma.publication.updateMany({
    where: { id: publicationId, state: 'scheduled' },
    data: { state: 'publishing' },
  });
  if (claimed.count === 0) {
    const current = await deps.prisma.publication.findUnique({ where: { id: publicationId }, select: { state: true } });
    if (current?.state === 'publishing') {
      // An earlier attempt died between sending and recording: a resend could post twice, so staff decide.
      await deps.prisma.publication.update({
        where: { id: publicationId },
        data: { state: 'unknown', error: 'The worker stopped while sending; check the channel, then resend if it is missing.' },
      });
      return 'unknown';
    }
    return 'skipped';
  }

  const publication = await deps.prisma.publication.findUniqueOrThrow({
    where: { id: publicationId },
    include: { clip: { include: { renditions: true } } },
  });
  const video = publication.clip.renditions.find((r) => r.kind === '720p');
  const poster = publication.clip.renditions.find((r) => r.kind === 'poster');
  if (publication.clip.state !== 'ready' || !video) {
    await release(deps, publicationId);
    throw new ClipNotReadyError(`clip ${publication.clipId} is ${publication.clip.state}`);
  }

  let messageId: string;
  try {
    messageId = await deps.publisher.sendVideo({
      path: `${deps.mediaDir}/${video.path}`,
      posterPath: poster ? `${deps.mediaDir}/${poster.path}` : undefined,
      caption: publication.clip.title,
      width: video.width,
      height: video.height,
      durationSec: Math.round(video.durationSec ?? 0),
    });
  } catch (error) {
    // The API answered with an error or could not be reached: nothing was posted, try again later.
    await release(deps, publicationId, error instanceof Error ? error.message : String(error));
    throw error;
  }
  await deps.prisma.publication.update({
    where: { id: publicationId },
    data: { state: 'published', messageId, publishedAt: new Date(), error: null },
  });
  deps.logger.info({ publicationId, messageId }, 'publication sent');
  return 'published';
}

async function release(deps: ClipDeps, publicationId: string, error?: string) {
  await deps.prisma.publication.updateMany({
    where: { id: publicationId, state: 'publishing' },
    data: { state: 'scheduled', error: error?.slice(0, 500) ?? null },
  });
}

export async function markPublicationFailed(deps: ClipDeps, publicationId: string, reason: string) {
  await deps.prisma.publication.updateMany({
    where: { id: publicationId, state: { in: ['scheduled', 'publishing'] } },
    data: { state: 'failed', error: reason.slice(0, 500) },
  });
}
