// Composition root: config → logger → PostgreSQL/Redis → services → roles (server, workers).
// Only this file wires things together; everything else receives what it needs.
import { Redis } from 'ioredis';
import type { FastifyInstance } from 'fastify';
import type { Worker } from 'bullmq';
import { secretsOf, type Config } from './config.js';
import { createLogger, makeScrubber, type Logger } from './logger.js';
import { createPrisma, ensureDatabase } from './data/database.js';
import { createRepositories } from './data/repositories.js';
import type { Services } from './services/services.js';
import { applyMigrations } from './data/schema-engine.js';
import { loadHandbookFromDb } from './data/handbook-repository.js';
import { describeImport, importContent } from './content/import.js';
import { AskEngine } from './ask/engine.js';
import { Knowledge } from './ask/knowledge.js';
import { Messages } from './i18n/messages.js';
import { createGoogleTranslator } from './channels/google/translator.js';
import { createRedisConversationStore } from './services/ask/conversation-store.js';
import type { AskDeps } from './services/ask/answer-question.js';
import { join } from 'node:path';
import { createQueues } from './jobs/queues.js';
import { ffmpegVersion, resolveBinaries } from './media/binaries.js';
import { createBot, type BotContext } from './channels/telegram/bot.js';
import type { Bot } from 'grammy';
import { run } from '@grammyjs/runner';
import { createDialogue } from './conversation/dialogue.js';
import { createTelegramPublisher } from './channels/telegram/publisher.js';
import { createZalo, createZaloOa, zaloNotifier, zaloVlogMessenger } from './channels/zalo/create-zalo.js';
import { StageBook } from './services/artisans/stages.js';
import { createArtisanDesk } from './services/artisans/linking.js';
import { deliverHeld, pendingNotificationEvents, type NotifyDeps } from './services/artisans/notify.js';
import { createTelegramSender } from './channels/telegram/publisher.js';
import { createNotificationsWorker } from '../workers/notifications.worker.js';
import { requeuePendingNotifications } from './jobs/queues.js';
import { createServer } from './http/server.js';
import { closeServer } from './http/close-server.js';
import type { PublishingDeps } from './services/publishing/publish-publication.js';
import { reconcilePublications, releaseLatePublications } from './services/publishing/reconcile-publications.js';
import { deliverHeldVlogs, subscribe, unsubscribe, type VlogDeliveryDeps } from './services/publishing/vlog-subscribers.js';
import { describeVlog } from './services/publishing/vlog-pages.js';
import { createClipProcessingWorker } from '../workers/clip-processing.worker.js';
import { createPublishingWorker } from '../workers/publishing.worker.js';
import { createClipAnnouncer } from './services/clips/clip-events.js';
import { reconcileClips, sweepMedia } from './services/clips/reconcile-clips.js';
import { tellUploader } from './services/clips/tell-uploader.js';
import { staffFeature } from './channels/telegram/features/staff.feature.js';

export type Role = 'all' | 'server' | 'worker';

export interface RunningApp {
  logger: Logger;
  server?: FastifyInstance;
  url?: string;
  /** Resolves when the chat events received so far have been handled (they are answered after the webhook). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function startApp(config: Config, role: Role, logger = createLogger({ level: config.LOG_LEVEL, secrets: secretsOf(config), format: config.LOG_FORMAT })): Promise<RunningApp> {
  await ensureDatabase(config.DATABASE_URL);
  const applied = await applyMigrations(config.DATABASE_URL);
  if (applied.length) logger.info({ applied }, 'database migrated');

  const prisma = createPrisma(config.DATABASE_URL);
  const repos = createRepositories(prisma);
  // BullMQ needs maxRetriesPerRequest: null so that blocking commands survive Redis restarts.
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: false });
  const redisError = (error: Error) => logger.warn({ err: error }, 'redis connection error');
  redis.on('error', redisError);
  // Chat state (sessions, update ids, conversations): many small commands at once, so pipelined;
  // BullMQ keeps its own connection above.
  const chatRedis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableAutoPipelining: true });
  chatRedis.on('error', redisError);
  const queues = createQueues(redis, config.QUEUE_PREFIX, redisError);
  const binaries = resolveBinaries(config);
  let version: Promise<string> | undefined;
  // Cached once it works, asked again while it fails.
  const cachedVersion = () => (version ??= ffmpegVersion(binaries.ffmpeg).catch((error) => ((version = undefined), Promise.reject(error))));
  const clipDeps = { prisma, queues, mediaDir: config.MEDIA_DIR, binaries, logger };
  const scrubSecrets = makeScrubber(secretsOf(config));
  const announce = createClipAnnouncer(chatRedis, config.QUEUE_PREFIX);

  // Every service, built once here; each edge receives the ones it uses.
  const services: Services = {};

  const closers: Array<() => Promise<unknown>> = [];
  let server: FastifyInstance | undefined;
  let url: string | undefined;
  let bot: Bot<BotContext> | undefined;
  let zaloChannel: { idle(): Promise<void> } | undefined;

  const messages = new Messages(join(config.CONTENT_DIR, 'locales'));
  if (role !== 'worker') {
    // A new migration may have reshaped the handbook tables: import again even if the files did not change.
    const summary = await importContent(prisma, config.CONTENT_DIR, { onlyWhenChanged: applied.length === 0 });
    logger.info(describeImport(summary));
  }
  const handbook = await loadHandbookFromDb(prisma);
  const stages = StageBook.from(handbook);
  const zaloOa = createZaloOa(config, { prisma, redis: chatRedis, logger });
  const telegramSender = config.TELEGRAM_BOT_TOKEN ? createTelegramSender({ token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT }) : undefined;
  const translator = config.GOOGLE_TRANSLATE_API_KEY
    ? createGoogleTranslator({ apiKey: config.GOOGLE_TRANSLATE_API_KEY, endpoint: config.GOOGLE_TRANSLATE_ENDPOINT, prisma })
    : undefined;
  const vlogDeliveries: VlogDeliveryDeps = {
    prisma,
    logger,
    messenger: zaloOa && config.PUBLIC_URL ? zaloVlogMessenger(zaloOa, messages) : undefined,
    describe: (publicationId, lang) => describeVlog(prisma, config.PUBLIC_URL ?? '', publicationId, lang),
  };
  const notifyDeps: NotifyDeps = {
    prisma,
    messages,
    stages,
    logger,
    senders: {
      telegram: telegramSender,
      zalo: zaloOa ? zaloNotifier(zaloOa) : undefined,
    },
  };

  if (role !== 'worker') {
    const ask: AskDeps = {
      engine: new AskEngine(new Knowledge(handbook), messages),
      messages,
      conversations: createRedisConversationStore(chatRedis, config.QUEUE_PREFIX),
      translator,
      logger,
    };
    const artisans = createArtisanDesk({ prisma, redis: chatRedis, keyPrefix: config.QUEUE_PREFIX, messages, stages });
    if (config.TELEGRAM_BOT_TOKEN && config.TELEGRAM_MODE !== 'off') {
      bot = createBot({
        token: config.TELEGRAM_BOT_TOKEN,
        apiRoot: config.TELEGRAM_API_ROOT,
        dialogue: createDialogue({ ask, messages, artisans, textLimit: 4096 }),
        messages,
        redis: chatRedis,
        keyPrefix: config.QUEUE_PREFIX,
        logger,
        webhookReply: config.TELEGRAM_MODE === 'webhook' && config.TELEGRAM_WEBHOOK_REPLY,
        features: [
          staffFeature({ clips: clipDeps, messages, redis: chatRedis, keyPrefix: config.QUEUE_PREFIX, token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, publicUrl: config.PUBLIC_URL }),
        ],
      });
    }
    const zalo = createZalo(config, {
      prisma,
      redis: chatRedis,
      messages,
      logger,
      dialogue: createDialogue({
        ask,
        messages,
        artisans,
        textLimit: 2000,
        pageSize: 5,
        vlogs: { subscribe: (userId, lang) => subscribe(prisma, userId, lang), unsubscribe: (userId) => unsubscribe(prisma, userId) },
      }),
      // A Zalo user who writes opens their window: what was held for them goes out now.
      afterUserMessage: async (userId) => {
        await deliverHeld(notifyDeps, 'zalo', userId);
        await deliverHeldVlogs(vlogDeliveries, userId);
      },
    });
    server = await createServer({ config, logger, services, prisma, redis, quickRedis: chatRedis, queues, ask, messages, stages, binaries, ffmpegVersion: cachedVersion, bot, zalo });
    url = await server.listen({ port: config.PORT, host: config.HOST });
    logger.info({ url, telegram: config.TELEGRAM_MODE, zalo: zalo?.mode ?? 'off' }, 'LangNghe server listening');
    closers.push(() => closeServer(server!, config.SHUTDOWN_GRACE_SECONDS * 1000));
    zaloChannel = zalo?.channel;
    if (zalo) closers.push(() => zalo.channel.idle());
    if (bot && config.TELEGRAM_MODE === 'polling') {
      // grammY's runner: concurrent across chats, in order within a chat (the session's key).
      const polling = bot;
      await polling.init();
      const runner = run(polling);
      closers.unshift(async () => {
        if (runner.isRunning()) await runner.stop();
      });
    }
  }

  if (role !== 'server') {
    const publishing: PublishingDeps = {
      prisma,
      mediaDir: config.MEDIA_DIR,
      leaseMs: config.JOB_LOCK_SECONDS * 1000,
      logger,
      messages,
      telegram:
        config.TELEGRAM_BOT_TOKEN && config.TELEGRAM_CHANNEL_ID
          ? createTelegramPublisher({ token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, channelId: config.TELEGRAM_CHANNEL_ID })
          : undefined,
      telegramLocalMode: config.TELEGRAM_LOCAL_MODE,
      vlogs: vlogDeliveries,
      caption: { translator, publicUrl: config.PUBLIC_URL, logger },
      async tellStaff(text) {
        if (!telegramSender || !config.TELEGRAM_STAFF_CHAT_ID) return logger.warn({ notice: text('en') }, 'no staff chat (TELEGRAM_STAFF_CHAT_ID) to tell');
        await telegramSender(config.TELEGRAM_STAFF_CHAT_ID, text('vi')).catch((error) => logger.warn({ err: error }, 'could not tell the staff chat'));
      },
    };
    const connection = redis;
    const workers: Worker[] = [
      createClipProcessingWorker(
        {
          ...clipDeps,
          scrub: (text) => scrubSecrets(text) as string,
          messages,
          announce,
          limits: { minSeconds: config.CLIP_MIN_SECONDS, maxSeconds: config.CLIP_MAX_SECONDS },
          encode: { preset: config.FFMPEG_PRESET, threads: config.FFMPEG_THREADS },
          tellUploader: telegramSender ? (clipId) => tellUploader({ prisma, messages, send: telegramSender, logger }, clipId) : undefined,
          onReady: async (clipId) => void (await releaseLatePublications({ prisma, queues, logger }, clipId)),
        },
        { connection, prefix: config.QUEUE_PREFIX, concurrency: config.WORKER_CONCURRENCY, lockSeconds: config.JOB_LOCK_SECONDS },
      ),
      createPublishingWorker(publishing, { connection, prefix: config.QUEUE_PREFIX, lockSeconds: config.JOB_LOCK_SECONDS }),
      createNotificationsWorker(notifyDeps, { connection, prefix: config.QUEUE_PREFIX }),
    ];
    // Notifications whose job was lost (Redis flushed) or ran out of tries are queued again.
    const reconcile = () =>
      pendingNotificationEvents(prisma)
        .then((ids) => requeuePendingNotifications(queues, ids))
        .catch((error) => logger.warn({ err: error }, 'notification reconciler failed'));
    // Clips whose job was lost get it back; temp files of dead jobs go. A job's lock lapses after
    // JOB_LOCK_SECONDS, so anything quiet for several times that is not being worked on.
    const lockMs = config.JOB_LOCK_SECONDS * 1000;
    const reconcileMedia = () =>
      reconcileClips({ ...clipDeps }, { quietForMs: 4 * lockMs })
        .then(() => sweepMedia(clipDeps, { tmpAgeMs: Math.max(4 * lockMs, 10 * 60_000), uploadAgeMs: 7 * 24 * 3600_000 }))
        .catch((error) => logger.warn({ err: error }, 'clip reconciler failed'));
    // Publications: everything still to send on start, then every 5 s what is due within a minute.
    const reconcileSchedule = (horizonMs?: number) => () =>
      reconcilePublications({ prisma, queues, logger }, { horizonMs }).catch((error) => logger.warn({ err: error }, 'publication reconciler failed'));
    void reconcile();
    void reconcileMedia();
    void reconcileSchedule()();
    const reconcilers = [setInterval(reconcile, 30_000), setInterval(reconcileMedia, 3 * 60_000), setInterval(reconcileSchedule(60_000), 5_000)];
    closers.push(async () => reconcilers.forEach(clearInterval));
    for (const worker of workers) worker.on('error', (error) => logger.warn({ err: error, queue: worker.name }, 'worker error'));
    logger.info({ concurrency: config.WORKER_CONCURRENCY }, 'LangNghe workers running');
    closers.push(() => Promise.all(workers.map((worker) => worker.close())));
  }

  return {
    logger,
    server,
    url,
    settled: async () => {
      await zaloChannel?.idle();
    },
    async close() {
      for (const close of closers) await close().catch((error) => logger.warn({ err: error }, 'error while closing'));
      // Closing queues waits for Redis; when it is unreachable there is nothing to flush.
      if (redis.status === 'ready') await queues.close();
      redis.disconnect();
      chatRedis.disconnect();
      await prisma.$disconnect();
    },
  };
}
