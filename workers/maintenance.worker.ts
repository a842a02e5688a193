// Thin entry: the maintenance queue's scheduled tasks (the question log's daily purge) → their service.
import { Worker, type ConnectionOptions } from 'bullmq';
import { parseJob, type JobOf } from '../src/jobs/queues.js';
import type { QuestionLogService } from '../src/services/question-log/question-log-service.js';

export function createMaintenanceWorker(
  deps: { questionLog: Pick<QuestionLogService, 'purge'> },
  options: { connection: ConnectionOptions; prefix: string },
): Worker<JobOf<'maintenance'>> {
  return new Worker<JobOf<'maintenance'>>(
    'maintenance',
    async (job) => {
      const { task } = parseJob('maintenance', job.data);
      if (task === 'purge-questions') return { purged: await deps.questionLog.purge() };
    },
    { connection: options.connection, prefix: options.prefix, concurrency: 1 },
  );
}
