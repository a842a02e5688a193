// Thin entry: parse the job contract → processClip → map errors to the retry policy.
import { UnrecoverableError, Worker, type ConnectionOptions } from 'bullmq';
import { jobContracts, type JobOf } from '../src/jobs/queues.js';
import { ClipRejectedError, markClipFailed, processClip } from '../src/services/clips/process-clip.js';
import type { ClipDeps } from '../src/services/clips/deps.js';

export function createClipProcessingWorker(
  deps: ClipDeps,
  options: { connection: ConnectionOptions; prefix: string; concurrency: number },
): Worker<JobOf<'clip-processing'>> {
  const worker = new Worker<JobOf<'clip-processing'>>(
    'clip-processing',
    async (job) => {
      const { clipId } = jobContracts['clip-processing'].parse(job.data);
      try {
        await processClip(deps, clipId, async (percent) => {
          await job.updateProgress(percent);
          await deps.prisma.clip.update({ where: { id: clipId }, data: { progress: percent } });
        });
      } catch (error) {
        if (error instanceof ClipRejectedError) {
          await markClipFailed(deps, clipId, 'rejected', error.message);
          throw new UnrecoverableError(error.message); // bad input: retrying cannot help
        }
        throw error;
      }
    },
    { connection: options.connection, prefix: options.prefix, concurrency: options.concurrency },
  );
  worker.on('failed', (job, error) => {
    if (!job) return;
    const final = error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    deps.logger.warn({ clipId: job.data.clipId, attempt: job.attemptsMade, err: error }, 'clip processing failed');
    if (final && !(error instanceof UnrecoverableError)) {
      void markClipFailed(deps, job.data.clipId, 'failed', error.message);
    }
  });
  return worker;
}
