// Every repository, built on one Prisma client by the composition root. Each aggregate has its own file
// (src/data/<aggregate>-repository.ts); services receive the repositories they need, never the client.
import type { PrismaClient } from '../generated/prisma/client.js';
import { createClipRepository } from './clip-repository.js';
import { createCaptionRepository } from './caption-repository.js';
import { createStaffChatRepository } from './staff-chat-repository.js';
import { createHandbookRepository } from './handbook-repository.js';
import { createTranslationRepository } from './translation-repository.js';
import { createZaloTokenRepository } from './zalo-token-repository.js';
import { createHealthRepository } from './health-repository.js';
import { createArtisanRepository } from './artisan-repository.js';
import { createStaffRepository } from './staff-repository.js';
import { createPublicationRepository } from './publication-repository.js';
import { createVlogSubscriberRepository } from './vlog-subscriber-repository.js';
import { createLearnedPhrasingRepository } from './learned-phrasing-repository.js';
import { createInsightsRepository } from './insights-repository.js';
import { createQuestionRepository } from './question-repository.js';
import { createAppSecretRepository } from './app-secret-repository.js';

export function createRepositories(prisma: PrismaClient) {
  return {
    handbook: createHandbookRepository(prisma),
    translations: createTranslationRepository(prisma),
    zaloTokens: createZaloTokenRepository(prisma),
    health: createHealthRepository(prisma),
    artisans: createArtisanRepository(prisma),
    staff: createStaffRepository(prisma),
    clips: createClipRepository(prisma),
    captions: createCaptionRepository(prisma),
    staffChats: createStaffChatRepository(prisma),
    publications: createPublicationRepository(prisma),
    vlogSubscribers: createVlogSubscriberRepository(prisma),
    learnedPhrasings: createLearnedPhrasingRepository(prisma),
    insights: createInsightsRepository(prisma),
    questions: createQuestionRepository(prisma),
    appSecrets: createAppSecretRepository(prisma),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
