// Thin entry: parse the job contract → processClip → map errors to the retry policy: a bad file fails at
// once (UnrecoverableError) with its reason; anything else retries with backoff, then fails the clip.
import { UnrecoverableError, Worker, type ConnectionOptions } from 'bullmq';
import { parseJob, type JobOf } from '../src/jobs/queues.js';
import { ClipProcessingError, ClipRejectedError, markClipFailed, processClip, type ProcessDeps } from '../src/services/clips/process-clip.js';
import type { Messages } from '../src/i18n/messages.js';
import { failureDetail } from '../src/media/ffmpeg-failure.js';

export function createClipProcessingWorker(
  deps: ProcessDeps & { messages: Messages; tellUploader?: (clipId: string) => Promise<void> },
  options: { connection: ConnectionOptions; prefix: string; concurrency: number; lockSeconds: number },
): Worker<JobOf<'clip-processing'>> {
  const worker = new Worker<JobOf<'clip-processing'>>(
    'clip-processing',
    async (job) => {
      const { clipId } = parseJob('clip-processing', job.data);
      let reported = -1;
      try {
        await processClip(deps, clipId, async (percent) => {
          // Every 5 %: enough for a progress bar, few writes.
          if (percent < reported + 5) return;
          reported = percent;
          await job.updateProgress(percent);
          await deps.prisma.clip.update({ where: { id: clipId }, data: { progress: percent } });
          await deps.announce?.(clipId);
        });
        await deps.tellUploader?.(clipId);
      } catch (error) {
        if (error instanceof ClipRejectedError) {
          await markClipFailed(deps, clipId, 'rejected', deps.messages.t('en', 'clip-rejected', { code: error.rejection.code, ...error.rejection.args }), error.rejection);
          await deps.tellUploader?.(clipId);
          throw new UnrecoverableError(error.message); // bad input: retrying cannot help
        }
        throw error;
      }
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      // A worker that dies loses its lock after this long; another then takes the job over.
      lockDuration: options.lockSeconds * 1000,
      stalledInterval: options.lockSeconds * 1000,
      // A killed worker is not the clip's fault: its job is taken over, many times over if need be.
      maxStalledCount: 20,
    },
  );
  worker.on('failed', (job, error) => {
    if (!job) return;
    deps.logger.warn({ clipId: job.data.clipId, attempt: job.attemptsMade, err: error }, 'clip processing failed');
    const final = !(error instanceof UnrecoverableError) && job.attemptsMade >= (job.opts.attempts ?? 1);
    // Kept with the clip and shown to staff: paths outside MEDIA_DIR and secrets taken out.
    const shown = failureDetail(error.message, { mediaDir: deps.mediaDir, scrub: deps.scrub });
    const detail = error instanceof ClipProcessingError ? error.detail : undefined;
    if (final) void markClipFailed(deps, job.data.clipId, 'failed', shown, undefined, detail).then(() => deps.tellUploader?.(job.data.clipId));
  });
  return worker;
}
