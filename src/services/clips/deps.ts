import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Logger } from '../../logger.js';
import type { MediaBinaries } from '../../media/binaries.js';
import type { Queues } from '../../jobs/queues.js';

export interface ClipDeps {
  prisma: PrismaClient;
  queues: Queues;
  mediaDir: string;
  binaries: MediaBinaries;
  logger: Logger;
}
