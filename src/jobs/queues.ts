// Job contracts shared by producers and workers: one typed union, ids as payloads, deterministic job ids
// so that a duplicate enqueue is dropped by BullMQ itself.
import { Queue, UnrecoverableError, type ConnectionOptions } from 'bullmq';
import { z } from 'zod';

export const jobContracts = {
  'clip-processing': z.object({ clipId: z.uuid() }),
  publishing: z.object({ publicationId: z.uuid() }),
  notifications: z.object({ eventId: z.uuid() }),
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
} satisfies { [N in QueueName]: (data: JobOf<N>) => string };

export interface Queues {
  clipProcessing: Queue<JobOf<'clip-processing'>>;
  publishing: Queue<JobOf<'publishing'>>;
  notifications: Queue<JobOf<'notifications'>>;
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
  // Without a listener, connection errors would go to stderr; the caller logs them.
  clipProcessing.on('error', onError);
  publishing.on('error', onError);
  notifications.on('error', onError);
  return {
    clipProcessing,
    publishing,
    notifications,
    async close() {
      await Promise.all([clipProcessing.close(), publishing.close(), notifications.close()]);
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
