// Composition root: config → logger → PostgreSQL/Redis → repositories → services → roles (src/roles/:
// the server, the workers). Only this file builds connections, repositories and services; every edge
// receives the services it uses.
import { Redis } from 'ioredis';
import { secretsOf, type Config } from './config.js';
import { createLogger, makeScrubber, registerSecret, type Logger } from './logger.js';
import { createPrisma, ensureDatabase } from './data/database.js';
import { createRepositories } from './data/repositories.js';
import type { Services } from './services/services.js';
import { applyMigrations } from './data/schema-engine.js';
import { describeImport, importContent } from './content/import.js';
import { AskEngine } from './ask/engine.js';
import { Knowledge } from './ask/knowledge.js';
import { Messages } from './i18n/messages.js';
import { createRedisConversationStore } from './services/ask/conversation-store.js';
import type { AskDeps } from './services/ask/answer-question.js';
import { createAskService } from './services/ask/ask-service.js';
import { createQuestionLog, noQuestionLog } from './services/question-log/question-log.js';
import { resolveQuestionLogKey } from './services/question-log/question-log-key.js';
import { createQuestionLogService } from './services/question-log/question-log-service.js';
import { createHandbookService } from './services/handbook/handbook-service.js';
import { createHealthService } from './services/health/health-service.js';
import { createLearningService } from './services/learning/learning-service.js';
import { createLearnedAnnouncer, startLearnedSync, type LearnedSync } from './services/learning/learned-sync.js';
import { createInsightsService } from './services/insights/insights-service.js';
import { join } from 'node:path';
import { createQueues } from './jobs/queues.js';
import { ffmpegVersion, resolveBinaries } from './media/binaries.js';
import { createTelegramPublisher } from './channels/telegram/publisher.js';
import { createZaloOa, zaloNotifier, zaloVlogMessenger } from './channels/zalo/create-zalo.js';
import { StageBook } from './services/artisans/stages.js';
import { createArtisansService } from './services/artisans/artisans-service.js';
import { createStaffService } from './services/staff/staff-service.js';
import { createTelegramSender } from './channels/telegram/publisher.js';
import { enqueueNotifications } from './jobs/queues.js';
import { createPublishingService } from './services/publishing/publishing-service.js';
import { createClipAnnouncer, createClipEventHub } from './services/clips/clip-events.js';
import { createClipService } from './services/clips/clip-service.js';
import { createCaptionsService } from './services/captions/captions-service.js';
import { createStaffChatService } from './services/staff-chats/staff-chat-service.js';
import { startServerRole, type ServerRole } from './roles/server-role.js';
import { startWorkerRole } from './roles/worker-role.js';
import { createUploadTicketStore } from './services/staff-chats/upload-ticket-store.js';
import { countingAnswers, createMetrics, queuesIn } from './observability/metrics.js';

export type Role = 'all' | 'server' | 'worker';

export interface RunningApp {
  logger: Logger;
  server?: ServerRole['server'];
  url?: string;
  /** Resolves when the chat events received so far have been handled (they are answered after the webhook). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function startApp(
  config: Config,
  role: Role,
  logger = createLogger({ level: config.LOG_LEVEL, secrets: secretsOf(config), format: config.LOG_FORMAT }),
): Promise<RunningApp> {
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
  // This process's numbers (GET /metrics): a registry of its own, so that apps sharing a process keep theirs apart.
  const metrics = createMetrics();
  metrics.watchQueues(queuesIn(queues));
  const binaries = resolveBinaries(config);
  let version: Promise<string> | undefined;
  // Cached once it works, asked again while it fails.
  const cachedVersion = () => (version ??= ffmpegVersion(binaries.ffmpeg).catch((error) => ((version = undefined), Promise.reject(error))));
  // Asked now, while the rest starts: ffmpeg takes ~0.2 s to load, and the first /healthz would wait for it.
  cachedVersion().catch(() => {});
  const scrubSecrets = makeScrubber(secretsOf(config));
  // Clip changes: one announcer, and one event hub whose own subscriber connects when a stream first listens.
  const clipEvents = createClipEventHub(new Redis(config.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: true }), config.QUEUE_PREFIX);

  // Every service, built once here; each edge receives the ones it uses.
  // Filled in as each service's dependencies exist.
  const services = {} as Services;
  services.staff = createStaffService({ staff: repos.staff });
  services.handbook = createHandbookService({ handbook: repos.handbook, publicUrl: config.PUBLIC_URL });
  services.health = createHealthService({ database: repos.health, redis, ffmpegVersion: cachedVersion });
  // Taught phrasings: this process's engine reloaded at once (server role), every other one told through Redis.
  let learnedSync: LearnedSync | undefined;
  const announceLearned = createLearnedAnnouncer(chatRedis, config.QUEUE_PREFIX);
  services.learning = createLearningService({
    phrasings: repos.learnedPhrasings,
    handbook: services.handbook.snapshot,
    changed: async () => {
      await learnedSync?.reload();
      await announceLearned();
    },
  });
  services.questionLog = createQuestionLogService({ questions: repos.questions, days: config.QUESTION_LOG_DAYS, logger });
  services.insights = createInsightsService({ insights: repos.insights, handbook: services.handbook.snapshot });

  const messages = new Messages(join(config.CONTENT_DIR, 'locales'));
  if (role !== 'worker') {
    // A new migration may have reshaped the handbook tables: import again even if the files did not change.
    const summary = await importContent(repos, config.CONTENT_DIR, { onlyWhenChanged: applied.length === 0 });
    logger.info(describeImport(summary));
  }
  // The question log's key is read while the handbook loads (both from PostgreSQL; every start waits for them).
  const questionLogKey =
    role !== 'worker' && config.QUESTION_LOG === 'on'
      ? resolveQuestionLogKey({ configured: config.QUESTION_LOG_KEY, appSecrets: repos.appSecrets })
      : undefined;
  questionLogKey?.catch(() => {}); // awaited below, where a failure stops the start
  const handbook = await repos.handbook.load();
  const stages = StageBook.from(handbook);
  // One OA client per process (one token provider, so one refresh at a time): the webhook channel, the
  // notifier and the vlog messenger all use it.
  const zaloOa = createZaloOa(config, { zaloTokens: repos.zaloTokens, redis: chatRedis, logger });
  const telegramSender = config.TELEGRAM_BOT_TOKEN ? createTelegramSender({ token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT }) : undefined;
  services.clips = createClipService({
    clips: repos.clips,
    staffChats: repos.staffChats,
    queues,
    mediaDir: config.MEDIA_DIR,
    binaries,
    logger,
    messages,
    publicUrl: config.PUBLIC_URL,
    announce: createClipAnnouncer(chatRedis, config.QUEUE_PREFIX),
    events: clipEvents,
    limits: { minSeconds: config.CLIP_MIN_SECONDS, maxSeconds: config.CLIP_MAX_SECONDS },
    encode: { preset: config.FFMPEG_PRESET, threads: config.FFMPEG_THREADS },
    scrub: (text) => scrubSecrets(text) as string,
    onReady: async (clipId) => {
      await services.publishing.releaseLate(clipId);
      // Captions to burn into the Telegram video, if the clip asks for them: the captions job decides.
      await services.captions.requestBurn(clipId);
    },
    sendToChat: telegramSender,
    metrics,
  });
  services.captions = createCaptionsService({
    captions: repos.captions,
    queues,
    mediaDir: config.MEDIA_DIR,
    binaries,
    logger,
    encode: { preset: config.FFMPEG_PRESET, threads: config.FFMPEG_THREADS },
    publicUrl: config.PUBLIC_URL,
    announce: createClipAnnouncer(chatRedis, config.QUEUE_PREFIX),
    // The burned video is there: Telegram publications that waited for it go now.
    onBurned: async (clipId) => void (await services.publishing.releaseLate(clipId)),
    metrics,
  });
  services.staffChats = createStaffChatService({
    staffChats: repos.staffChats,
    tickets: createUploadTicketStore(chatRedis, config.QUEUE_PREFIX),
    findStaffByToken: (token) => services.staff.findByToken(token),
    publicUrl: config.PUBLIC_URL,
  });
  // Google's client (~20 MB resident) is loaded only when a key asks for it.
  const translator = config.GOOGLE_TRANSLATE_API_KEY
    ? (await import('./channels/google/translator.js')).createGoogleTranslator({
        apiKey: config.GOOGLE_TRANSLATE_API_KEY,
        endpoint: config.GOOGLE_TRANSLATE_ENDPOINT,
        cache: repos.translations,
      })
    : undefined;
  services.publishing = createPublishingService({
    publications: repos.publications,
    vlogSubscribers: repos.vlogSubscribers,
    queues,
    logger,
    messages,
    mediaDir: config.MEDIA_DIR,
    defaultSlots: config.PUBLISH_SLOTS,
    // The Zalo message links to the vlog's page: it needs the public address.
    configured: { telegram: Boolean(config.TELEGRAM_BOT_TOKEN && config.TELEGRAM_CHANNEL_ID), zalo: Boolean(zaloOa && config.PUBLIC_URL) },
    telegramLocalMode: config.TELEGRAM_LOCAL_MODE,
    telegram:
      config.TELEGRAM_BOT_TOKEN && config.TELEGRAM_CHANNEL_ID
        ? createTelegramPublisher({ token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, channelId: config.TELEGRAM_CHANNEL_ID })
        : undefined,
    vlogMessenger: zaloOa && config.PUBLIC_URL ? zaloVlogMessenger(zaloOa, messages) : undefined,
    publicUrl: config.PUBLIC_URL,
    translator,
    async tellStaff(text) {
      if (!telegramSender || !config.TELEGRAM_STAFF_CHAT_ID) return logger.warn({ notice: text('en') }, 'no staff chat (TELEGRAM_STAFF_CHAT_ID) to tell');
      await telegramSender(config.TELEGRAM_STAFF_CHAT_ID, text('vi')).catch((error) => logger.warn({ err: error }, 'could not tell the staff chat'));
    },
    leaseMs: config.JOB_LOCK_SECONDS * 1000,
    metrics,
  });
  services.artisans = createArtisansService({
    artisans: repos.artisans,
    stages,
    messages,
    logger,
    senders: {
      telegram: telegramSender,
      zalo: zaloOa ? zaloNotifier(zaloOa) : undefined,
    },
    enqueueNotifications: (eventId) => enqueueNotifications(queues, eventId),
    redis: chatRedis,
    keyPrefix: config.QUEUE_PREFIX,
  });

  const closers: Array<() => Promise<unknown>> = [];
  let serverRole: ServerRole | undefined;
  if (role !== 'worker') {
    // The question log, where questions are answered. Its key is resolved once here and scrubbed from every log line.
    let questionLog = noQuestionLog;
    if (config.QUESTION_LOG === 'on') {
      const key = (await questionLogKey)!;
      registerSecret(key);
      questionLog = createQuestionLog({ questions: repos.questions, key, logger });
    }
    // The Q&A engine is built only where questions are answered (the worker role never asks it).
    const ask: AskDeps = {
      engine: new AskEngine(new Knowledge(handbook), messages),
      messages,
      conversations: createRedisConversationStore(chatRedis, config.QUEUE_PREFIX),
      translator,
      logger,
      recorder: countingAnswers(metrics, questionLog),
    };
    services.ask = createAskService(ask);
    learnedSync = await startLearnedSync({
      load: () => repos.learnedPhrasings.all(),
      apply: (phrasings) => ask.engine.setLearned(phrasings),
      subscriber: new Redis(config.REDIS_URL, { maxRetriesPerRequest: null }),
      prefix: config.QUEUE_PREFIX,
      logger,
    });
    serverRole = await startServerRole({ config, logger, services, messages, stages, ask, queues, chatRedis, zaloOa, metrics });
    closers.push(...serverRole.closers);
    closers.push(() => learnedSync!.close());
    // After the server: the questions answered while it drained are written too.
    closers.push(() => questionLog.close());
  }
  if (role !== 'server') closers.push(...startWorkerRole({ config, logger, services, queues, connection: redis, metrics }));

  return {
    logger,
    server: serverRole?.server,
    url: serverRole?.url,
    settled: async () => {
      await serverRole?.settled();
    },
    async close() {
      for (const close of closers) await close().catch((error) => logger.warn({ err: error }, 'error while closing'));
      // Closing queues waits for Redis; when it is unreachable there is nothing to flush.
      if (redis.status === 'ready') await queues.close();
      redis.disconnect();
      chatRedis.disconnect();
      clipEvents.close();
      await prisma.$disconnect();
    },
  };
}
