// The key of the visitors' hashes: QUESTION_LOG_KEY when set, else one generated on first start and stored,
// so every process and every restart count the same chat as the same visitor.
import { randomBytes } from 'node:crypto';
import type { AppSecretRepository } from '../../data/app-secret-repository.js';

export const QUESTION_LOG_KEY_NAME = 'question_log_key';

export async function resolveQuestionLogKey(deps: { configured?: string; appSecrets: Pick<AppSecretRepository, 'getOrCreate'> }): Promise<string> {
  return deps.configured ?? deps.appSecrets.getOrCreate(QUESTION_LOG_KEY_NAME, () => randomBytes(32).toString('hex'));
}
