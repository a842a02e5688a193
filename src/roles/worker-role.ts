// The worker role: the BullMQ workers (clips, publications, notifications) and the reconcilers that put
// back what Redis lost, on the services the composition root built.
import type { Redis } from 'ioredis';
import type { Worker } from 'bullmq';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { requeuePendingNotifications, scheduleQuestionPurge, type Queues } from '../jobs/queues.js';
import type { Services } from '../services/services.js';
import { createClipProcessingWorker } from '../../workers/clip-processing.worker.js';
import { createPublishingWorker } from '../../workers/publishing.worker.js';
import { createNotificationsWorker } from '../../workers/notifications.worker.js';
import { observeWorker } from '../observability/job-metrics.js';
import type { Metrics } from '../observability/metrics.js';
import { createMaintenanceWorker } from '../../workers/maintenance.worker.js';
import { createCaptionsWorker } from '../../workers/captions.worker.js';

export interface WorkerRoleDeps {
  config: Config;
  logger: Logger;
  services: Services;
  queues: Queues;
  /** BullMQ's connection (blocking commands: waits for Redis rather than failing fast). */
  connection: Redis;
  /** Job run times and failures go here. */
  metrics: Pick<Metrics, 'jobEnded'>;
}

/** Starts the workers and the reconcilers' timers; returns what stops them. */
export function startWorkerRole({ config, logger, services, queues, connection, metrics }: WorkerRoleDeps): Array<() => Promise<unknown>> {
  const prefix = config.QUEUE_PREFIX;
  const workers: Worker[] = [
    createClipProcessingWorker(
      { clips: services.clips, logger },
      { connection, prefix, concurrency: config.WORKER_CONCURRENCY, lockSeconds: config.JOB_LOCK_SECONDS },
    ),
    createPublishingWorker({ publishing: services.publishing, logger }, { connection, prefix, lockSeconds: config.JOB_LOCK_SECONDS }),
    createNotificationsWorker(services.artisans, { connection, prefix }),
    createMaintenanceWorker({ questionLog: services.questionLog }, { connection, prefix }),
    createCaptionsWorker({ captions: services.captions, logger }, { connection, prefix, lockSeconds: config.JOB_LOCK_SECONDS }),
  ];
  // The daily purge of the question log (kept QUESTION_LOG_DAYS): a job scheduler, so one run a day however many workers start.
  scheduleQuestionPurge(queues).catch((error) => logger.warn({ err: error }, 'could not schedule the question log purge'));
  // Notifications whose job was lost (Redis flushed) or ran out of tries are queued again.
  const reconcileNotifications = () =>
    services.artisans
      .pendingNotificationEvents()
      .then((ids) => requeuePendingNotifications(queues, ids))
      .catch((error) => logger.warn({ err: error }, 'notification reconciler failed'));
  // Clips whose job was lost get it back; temp files of dead jobs go. A job's lock lapses after
  // JOB_LOCK_SECONDS, so anything quiet for several times that is not being worked on.
  const lockMs = config.JOB_LOCK_SECONDS * 1000;
  const reconcileMedia = () =>
    services.clips
      .reconcile({ quietForMs: 4 * lockMs })
      // Burned-caption videos whose job Redis lost get it again.
      .then(() => services.captions.reconcile())
      .then(() => services.clips.sweepMedia({ tmpAgeMs: Math.max(4 * lockMs, 10 * 60_000), uploadAgeMs: 7 * 24 * 3600_000 }))
      .catch((error) => logger.warn({ err: error }, 'clip reconciler failed'));
  // Publications: everything still to send on start, then every 5 s what is due within a minute.
  const reconcileSchedule = (horizonMs?: number) => () =>
    services.publishing.reconcile({ horizonMs }).catch((error) => logger.warn({ err: error }, 'publication reconciler failed'));
  void reconcileNotifications();
  void reconcileMedia();
  void reconcileSchedule()();
  const timers = [setInterval(reconcileNotifications, 30_000), setInterval(reconcileMedia, 3 * 60_000), setInterval(reconcileSchedule(60_000), 5_000)];
  for (const worker of workers) worker.on('error', (error) => logger.warn({ err: error, queue: worker.name }, 'worker error'));
  for (const worker of workers) observeWorker(metrics, worker);
  logger.info({ concurrency: config.WORKER_CONCURRENCY }, 'LangNghe workers running');
  return [async () => timers.forEach(clearInterval), () => Promise.all(workers.map((worker) => worker.close()))];
}
