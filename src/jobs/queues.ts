// Job contracts shared by producers and workers: one typed union, ids as payloads, deterministic job ids
// so that a duplicate enqueue is dropped by BullMQ itself.
import { Queue, UnrecoverableError, type ConnectionOptions } from 'bullmq';
import { z } from 'zod';
import type { VideoFacts } from '../media/probe.js';

// What the upload's probe found: the worker plans from it instead of running ffprobe a second time (a job
// put back by the reconciler or a retry comes without it, and the worker probes).
const videoFacts = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  durationSec: z.number().positive(),
  videoSec: z.number().positive(),
  hasAudio: z.boolean(),
  fps: z.number().positive(),
  variableFrameRate: z.boolean(),
  rotation: z.number(),
  colour: z
    .object({
      transfer: z.string().optional(),
      primaries: z.string().optional(),
      matrix: z.string().optional(),
      range: z.string().optional(),
      pixelFormat: z.string().optional(),
      dolbyVision: z.object({ profile: z.number(), compatibility: z.number() }).optional(),
    })
    .optional(),
}) satisfies z.ZodType<VideoFacts>;

export const jobContracts = {
  'clip-processing': z.object({ clipId: z.uuid(), facts: videoFacts.optional() }),
  publishing: z.object({ publicationId: z.uuid() }),
  notifications: z.object({ eventId: z.uuid() }),
  // A ready clip's captions burned into its 720p for the Telegram channel (the clip's burnCaptions).
  captions: z.object({ clipId: z.uuid() }),
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
  captions: (data: JobOf<'captions'>) => `captions-${data.clipId}`,
  maintenance: (data: JobOf<'maintenance'>) => `maintenance-${data.task}`,
} satisfies { [N in QueueName]: (data: JobOf<N>) => string };

export interface Queues {
  clipProcessing: Queue<JobOf<'clip-processing'>>;
  publishing: Queue<JobOf<'publishing'>>;
  notifications: Queue<JobOf<'notifications'>>;
  captions: Queue<JobOf<'captions'>>;
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
  const captions = new Queue<JobOf<'captions'>>('captions', { connection, prefix, defaultJobOptions });
  const maintenance = new Queue<JobOf<'maintenance'>>('maintenance', {
    connection,
    prefix,
    defaultJobOptions: { ...defaultJobOptions, removeOnComplete: { count: 30 } },
  });
  // Without a listener, connection errors would go to stderr; the caller logs them.
  clipProcessing.on('error', onError);
  publishing.on('error', onError);
  notifications.on('error', onError);
  captions.on('error', onError);
  maintenance.on('error', onError);
  return {
    clipProcessing,
    publishing,
    notifications,
    captions,
    maintenance,
    async close() {
      await Promise.all([clipProcessing.close(), publishing.close(), notifications.close(), captions.close(), maintenance.close()]);
    },
  };
}

export async function enqueueClipProcessing(queues: Queues, clipId: string, facts?: VideoFacts): Promise<void> {
  const data = { clipId, ...(facts ? { facts } : {}) };
  await queues.clipProcessing.add('process', data, { jobId: jobIdFor['clip-processing'](data) });
}

/**
 * The captions job for a clip. Its id is fixed, so a job waiting or running takes this request in (it reads
 * the clip when it starts, and looks again after burning); a finished one is replaced, since the captions
 * or the choice changed after it ran. `keepFailed`: the reconciler's call, which leaves a job that ran out
 * of tries for staff to see rather than burning again every few minutes.
 */
export async function enqueueCaptionBurn(queues: Queues, clipId: string, options: { keepFailed?: boolean } = {}): Promise<void> {
  const data = { clipId };
  const jobId = jobIdFor.captions(data);
  const job = await queues.captions.getJob(jobId);
  if (job) {
    const state = await job.getState();
    if (state !== 'completed' && (state !== 'failed' || options.keepFailed)) return;
    // Started meanwhile: it reads the new state itself.
    if (
      !(await job.remove().then(
        () => true,
        () => false,
      ))
    )
      return;
  }
  await queues.captions.add('burn', data, { jobId });
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
