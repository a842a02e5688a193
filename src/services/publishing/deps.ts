// What the publishing use cases are built from; each takes the part it needs.
import type { PublicationRepository } from '../../data/publication-repository.js';
import type { VlogSubscriberRepository } from '../../data/vlog-subscriber-repository.js';
import type { Queues } from '../../jobs/queues.js';
import type { Logger } from '../../logger.js';
import type { Lang, Messages } from '../../i18n/messages.js';
import type { CaptionTranslator } from '../../domain/publishing/caption.js';
import type { ConfiguredTargets } from '../../domain/publishing/targets.js';
import type { VlogMessenger } from '../../domain/publishing/vlog-messenger.js';
import type { ChannelPublisher } from './publish-publication.js';
import type { Metrics } from '../../observability/metrics.js';

export interface PublishingServiceDeps {
  publications: PublicationRepository;
  vlogSubscribers: VlogSubscriberRepository;
  queues: Queues;
  logger: Logger;
  messages: Messages;
  mediaDir: string;
  /** PUBLISH_SLOTS: the slots of a target that has none of its own. */
  defaultSlots: string[];
  /** Which targets can publish at all ("web" always can). */
  configured: ConfiguredTargets;
  telegramLocalMode: boolean;
  /** The channel, when TELEGRAM_BOT_TOKEN and TELEGRAM_CHANNEL_ID are set. */
  telegram?: ChannelPublisher;
  /** Zalo subscribers' messages, when the OA and PUBLIC_URL are configured. */
  vlogMessenger?: VlogMessenger;
  /** PUBLIC_URL: links in captions and Zalo messages. */
  publicUrl?: string;
  translator?: CaptionTranslator;
  /** Tells staff (their Telegram chat) what needs them: late, failed, unknown. */
  tellStaff: (text: (lang: Lang) => string) => Promise<void>;
  /** How long a sender's claim lasts without renewal (JOB_LOCK_SECONDS); 30 s unless told. */
  leaseMs?: number;
  /** Publication lateness goes here (GET /metrics). */
  metrics?: Pick<Metrics, 'publicationSent'>;
}

/** Planning: what scheduling, moving and cancelling need. */
export type ScheduleDeps = Pick<PublishingServiceDeps, 'publications' | 'queues' | 'defaultSlots' | 'configured' | 'telegramLocalMode'>;
