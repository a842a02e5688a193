// The application's services, one per area, built by the composition root (src/app.ts) from the
// repositories and ports they need. The edges (HTTP, chat channels, workers) receive these, never Prisma.
import type { ArtisansService } from './artisans/artisans-service.js';
import type { StaffService } from './staff/staff-service.js';
import type { ClipService } from './clips/clip-service.js';
import type { CaptionsService } from './captions/captions-service.js';
import type { StaffChatService } from './staff-chats/staff-chat-service.js';
import type { HandbookService } from './handbook/handbook-service.js';
import type { HealthService } from './health/health-service.js';
import type { AskService } from './ask/ask-service.js';
import type { PublishingService } from './publishing/publishing-service.js';
import type { LearningService } from './learning/learning-service.js';
import type { QuestionLogService } from './question-log/question-log-service.js';
import type { InsightsService } from './insights/insights-service.js';

export interface Services {
  clips: ClipService;
  /** A clip's captions (vi, en) and the captions job that burns them into the Telegram video. */
  captions: CaptionsService;
  staffChats: StaffChatService;
  artisans: ArtisansService;
  staff: StaffService;
  handbook: HandbookService;
  health: HealthService;
  publishing: PublishingService;
  /** Phrasings staff taught the bot (teach, list, undo): every server process answers them within 10 s. */
  learning: LearningService;
  /** The question log's housekeeping (its daily purge). */
  questionLog: QuestionLogService;
  /** What visitors asked, from the question log (the console's insights page, /api/insights). */
  insights: InsightsService;
  /** Built in the server role only: the workers answer no questions. */
  ask: AskService;
}
