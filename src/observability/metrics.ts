// The numbers operators scrape at GET /metrics (Prometheus' text format, prom-client): one registry per app
// instance, never prom-client's global one, so that several apps in one process (the tests) keep their own.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { QuestionRecorder } from '../domain/insights/question-record.js';

export type ChatChannel = 'telegram' | 'zalo' | 'web';
/** Where a question came from: a chat channel, or the JSON API. */
export type AnswerChannel = ChatChannel | 'api';

/** What the depth gauge reads of a BullMQ queue (only this, so metrics need not know the queues module). */
export interface CountableQueue {
  name: string;
  getJobCounts(...states: string[]): Promise<Record<string, number>>;
}

/** The states a job can be in, each a series of the depth gauge (zero included, so dashboards see it). */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'paused', 'completed', 'failed'] as const;

// A scrape must answer while Redis is away: BullMQ's connection would wait for it forever.
const QUEUE_COUNT_TIMEOUT_MS = 2_000;

export interface Metrics {
  readonly registry: Registry;
  /** One HTTP response: its route pattern (never the raw URL: unbounded labels), status and seconds taken. */
  httpResponse(method: string, route: string, status: number, seconds: number): void;
  /** One update that arrived from a chat channel (a message, a button, a location). */
  chatUpdate(channel: ChatChannel): void;
  /** One answered question. */
  answered(intent: string, channel: AnswerChannel): void;
  /** A job ended after `seconds` of work; a failed attempt counts as a failure (retries included). */
  jobEnded(queue: string, outcome: 'completed' | 'failed', seconds: number): void;
  /** A publication sent `seconds` after its time (0 when on time). */
  publicationSent(target: string, lateSeconds: number): void;
  /** The seconds one clip's ffmpeg encoding took. */
  ffmpegRan(seconds: number): void;
  /** The queues whose depths each scrape reads. */
  watchQueues(queues: CountableQueue[]): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  // Memory, CPU, handles, event loop lag, GC: prom-client's process metrics, on this registry only.
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request durations by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const chatUpdates = new Counter({
    name: 'chat_updates_total',
    help: 'Updates received from the chat channels (telegram, zalo, web).',
    labelNames: ['channel'] as const,
    registers,
  });
  const answers = new Counter({
    name: 'answers_total',
    help: 'Questions answered, by intent and channel.',
    labelNames: ['intent', 'channel'] as const,
    registers,
  });
  const unknownAnswers = new Counter({
    name: 'unknown_answers_total',
    help: 'Questions the bot did not understand (intent "unknown"), by channel.',
    labelNames: ['channel'] as const,
    registers,
  });
  const jobDuration = new Histogram({
    name: 'job_duration_seconds',
    help: 'BullMQ job run times, by queue and outcome (completed, failed).',
    labelNames: ['queue', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
    registers,
  });
  const jobFailures = new Counter({
    name: 'job_failures_total',
    help: 'Failed BullMQ job attempts (retries included), by queue.',
    labelNames: ['queue'] as const,
    registers,
  });
  const publicationLateness = new Histogram({
    name: 'publication_lateness_seconds',
    help: 'How late publications were sent after their time, by target.',
    labelNames: ['target'] as const,
    buckets: [0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600],
    registers,
  });
  const ffmpegSeconds = new Histogram({
    name: 'clip_ffmpeg_seconds',
    help: "Seconds of ffmpeg encoding per clip (all of one clip's renditions in one run).",
    buckets: [1, 2, 5, 10, 20, 30, 60, 120, 300, 600],
    registers,
  });

  let watched: CountableQueue[] = [];
  new Gauge({
    name: 'bullmq_queue_jobs',
    help: 'Jobs in each BullMQ queue, by state, read at scrape time.',
    labelNames: ['queue', 'state'] as const,
    registers,
    async collect() {
      const counts = await Promise.all(watched.map((queue) => withTimeout(queue.getJobCounts(...QUEUE_STATES), QUEUE_COUNT_TIMEOUT_MS).catch(() => undefined)));
      // A queue that could not be read shows no series rather than stale numbers.
      this.reset();
      watched.forEach((queue, i) => {
        const count = counts[i];
        if (count) for (const state of QUEUE_STATES) this.set({ queue: queue.name, state }, count[state] ?? 0);
      });
    },
  });

  return {
    registry,
    httpResponse: (method, route, status, seconds) => httpDuration.observe({ method, route, status_code: status }, seconds),
    chatUpdate: (channel) => chatUpdates.inc({ channel }),
    answered(intent, channel) {
      answers.inc({ intent, channel });
      if (intent === 'unknown') unknownAnswers.inc({ channel });
    },
    jobEnded(queue, outcome, seconds) {
      jobDuration.observe({ queue, outcome }, seconds);
      if (outcome === 'failed') jobFailures.inc({ queue });
    },
    publicationSent: (target, lateSeconds) => publicationLateness.observe({ target }, Math.max(0, lateSeconds)),
    ffmpegRan: (seconds) => ffmpegSeconds.observe(seconds),
    watchQueues(queues) {
      watched = queues;
    },
  };
}

/** A question recorder that counts each answer in answers_total, then hands it to the question log. */
export function countingAnswers(metrics: Pick<Metrics, 'answered'>, next: QuestionRecorder): QuestionRecorder {
  return {
    record(entry) {
      metrics.answered(entry.intent, entry.channel);
      next.record(entry);
    },
  };
}

/** The BullMQ queues among an object's values (the Queues record), so that a queue added later is counted too. */
export function queuesIn(record: object): CountableQueue[] {
  return Object.values(record).filter((value): value is CountableQueue => typeof value?.getJobCounts === 'function' && typeof value.name === 'string');
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
