// Staff schedule a clip for the channel: the publication row is the truth, a delayed job the alarm clock.
import { AppError, notFound } from '../../errors.js';
import { enqueuePublication } from '../../jobs/queues.js';
import type { ClipDeps } from './deps.js';

export async function schedulePublication(
  deps: ClipDeps & { channelConfigured: boolean },
  input: { clipId: string; publishAt: Date },
) {
  if (!deps.channelConfigured) {
    throw new AppError('no_channel', 'No channel to publish to: set TELEGRAM_BOT_TOKEN and TELEGRAM_CHANNEL_ID.', 409);
  }
  const clip = await deps.prisma.clip.findUnique({ where: { id: input.clipId }, select: { id: true, state: true } });
  if (!clip) throw notFound('clip');
  if (clip.state === 'rejected' || clip.state === 'failed') {
    throw new AppError('clip_unusable', `The clip is ${clip.state} and cannot be published.`, 409);
  }
  const publication = await deps.prisma.publication.create({
    data: { clipId: clip.id, target: 'telegram', publishAt: input.publishAt },
  });
  try {
    await enqueuePublication(deps.queues, publication.id, input.publishAt);
  } catch (error) {
    await deps.prisma.publication.delete({ where: { id: publication.id } }).catch(() => {});
    throw error;
  }
  return publication;
}
