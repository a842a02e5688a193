// Job run times and failures, heard from a BullMQ worker's own events: the processors stay as they are.
import type { Job, Worker } from 'bullmq';
import type { Metrics } from './metrics.js';

/** The seconds a job's attempt ran: from when it was taken to when it ended (now, when BullMQ has not said). */
const secondsRun = (job: Job) => (job.processedOn ? Math.max(0, (job.finishedOn ?? Date.now()) - job.processedOn) / 1000 : 0);

export function observeWorker(metrics: Pick<Metrics, 'jobEnded'>, worker: Worker): void {
  worker.on('completed', (job) => metrics.jobEnded(worker.name, 'completed', secondsRun(job)));
  // BullMQ passes no job when the failure is the worker's own (a lost lock, say): still a failure.
  worker.on('failed', (job) => metrics.jobEnded(worker.name, 'failed', job ? secondsRun(job) : 0));
}
