// Job contracts shared by producers and workers: one typed union, ids as payloads, deterministic job ids
// so that a duplicate enqueue is dropped by BullMQ itself.
import { Queue, UnrecoverableError, type ConnectionOptions } from 'bullmq';
import { z } from 'zod';

export const jobContracts = {
  'clip-processing': z.object({ clipId: z.uuid() }),
  publishing: z.object({ publicationId: z.uuid() }),
  notifications: z.object({ eventId: z.uuid() }),
  // Housekeeping on a schedule (repeatable jobs): the question log's purge.
  maintenance: z.object({ task: z.enum(['purge-questions']) }),
} as const;

export type QueueName = keyof typeof jobContracts;
export type JobOf<N extends QueueName> = z.infer<(typeof jobContracts)[N]>;

/** A job's payload checked against its contract; one that does not fit fails at once, without retries. */
export function parseJob<N extends QueueName>(name: N, data: unknown): JobOf<N> {
  const parsed = jobContracts[name].safeParse(data);
  if (!parsed.success)
    throw new UnrecoverableError(`${name} job does not fit its contract: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data as JobOf<N>;
}

export const jobIdFor = {
  'clip-processing': (data: JobOf<'clip-processing'>) => `clip-${data.clipId}`,
  publishing: (data: JobOf<'publishing'>) => `publication-${data.publicationId}`,
  notifications: (data: JobOf<'notifications'>) => `event-${data.eventId}`,
  maintenance: (data: JobOf<'maintenance'>) => `maintenance-${data.task}`,
} satisfies { [N in QueueName]: (data: JobOf<N>) => string };

export interface Queues {
  clipProcessing: Queue<JobOf<'clip-processing'>>;
  publishing: Queue<JobOf<'publishing'>>;
  notifications: Queue<JobOf<'notifications'>>;
  maintenance: Queue<JobOf<'maintenance'>>;
  close(): Promise<void>;
}

export function createQueues(connection: ConnectionOptions, prefix: string, onError: (error: Error) => void): Queues {
  const defaultJobOptions = {
    attempts: 3,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: { age: 24 * 3600, count: 1000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
  const clipProcessing = new Queue<JobOf<'clip-processing'>>('clip-processing', { connection, prefix, defaultJobOptions });
  const publishing = new Queue<JobOf<'publishing'>>('publishing', { connection, prefix, defaultJobOptions: { ...defaultJobOptions, attempts: 6 } });
  const notifications = new Queue<JobOf<'notifications'>>('notifications', { connection, prefix, defaultJobOptions: { ...defaultJobOptions, attempts: 8 } });
  const maintenance = new Queue<JobOf<'maintenance'>>('maintenance', {
    connection,
    prefix,
    defaultJobOptions: { ...defaultJobOptions, removeOnComplete: { count: 30 } },
  });
  // Without a listener, connection errors would go to stderr; the caller logs them.
  clipProcessing.on('error', onError);
  publishing.on('error', onError);
  notifications.on('error', onError);
  maintenance.on('error', onError);
  return {
    clipProcessing,
    publishing,
    notifications,
    maintenance,
    async close() {
      await Promise.all([clipProcessing.close(), publishing.close(), notifications.close(), maintenance.close()]);
    },
  };
}

export async function enqueueClipProcessing(queues: Queues, clipId: string): Promise<void> {
  const data = { clipId };
  await queues.clipProcessing.add('process', data, { jobId: jobIdFor['clip-processing'](data) });
}

export async function enqueueNotifications(queues: Queues, eventId: string): Promise<void> {
  const data = { eventId };
  await queues.notifications.add('notify', data, { jobId: jobIdFor.notifications(data) });
}

/** Queues again the stage changes whose notifications still wait (a job lost with Redis, or out of tries). */
export async function requeuePendingNotifications(queues: Queues, eventIds: string[]): Promise<void> {
  for (const eventId of eventIds) {
    const job = await queues.notifications.getJob(jobIdFor.notifications({ eventId }));
    if (job && (await job.isFailed())) await job.retry();
    else if (!job) await enqueueNotifications(queues, eventId);
  }
}

/** The daily purge of the question log, as a job scheduler: upserting it again on every start changes nothing. */
export async function scheduleQuestionPurge(queues: Queues): Promise<void> {
  const data = { task: 'purge-questions' as const };
  await queues.maintenance.upsertJobScheduler(jobIdFor.maintenance(data), { pattern: '30 3 * * *', tz: 'Asia/Ho_Chi_Minh' }, { name: 'purge-questions', data });
}
