// Many publications at once from a CSV (columns clip, target, time): every line is checked first and
// every bad one named with its number; then all are created in one transaction, or none. "next slot"
// takes the target's next free slot, counting the lines above it.
import { AppError } from '../../errors.js';
import { parseHanoiTime } from '../../domain/publishing/hanoi-time.js';
import { isConfigured, TARGETS, type Target } from '../../domain/publishing/targets.js';
import { telegramProblem } from '../../domain/publishing/telegram-limits.js';
import { syncPublicationJob } from './publication-jobs.js';
import { nextFreeSlot } from './slots.js';
import type { ScheduleDeps } from './deps.js';

export const bulkColumns = ['clip', 'target', 'time'] as const;

export class BulkScheduleError extends AppError {
  constructor(readonly problems: Array<{ line: number; message: string }>) {
    super('bad_csv', problems.map((p) => `line ${p.line}: ${p.message}`).join('; '));
  }
}

export async function bulkSchedule(deps: ScheduleDeps, csv: string) {
  // Loaded with the first upload: a server that never gets one does not hold the parser (issue 20).
  const { parse } = await import('csv-parse/sync');
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(csv, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    });
  } catch (error) {
    throw new BulkScheduleError([{ line: 1, message: `not valid CSV: ${(error as Error).message}` }]);
  }
  if (!records.length) throw new BulkScheduleError([{ line: 1, message: 'no lines to schedule' }]);
  const missing = bulkColumns.filter((column) => !(column in records[0]!.record));
  if (missing.length) throw new BulkScheduleError([{ line: 1, message: `missing column(s): ${missing.join(', ')} (expected: ${bulkColumns.join(', ')})` }]);

  const problems: Array<{ line: number; message: string }> = [];
  const rows: Array<{ clipId: string; target: Target; publishAt: Date }> = [];
  const allocated = Object.fromEntries(TARGETS.map((t) => [t, [] as Date[]])) as Record<Target, Date[]>;
  const clipIds = records.map((r) => r.record.clip ?? '').filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const clips = new Map((await deps.publications.findClipsToSchedule(clipIds)).map((c) => [c.id, c]));

  for (const { record, info } of records) {
    const line = info.lines;
    const bad = (message: string) => problems.push({ line, message });
    const clip = clips.get(record.clip ?? '');
    const target = record.target as Target;
    if (!clip) bad(`clip "${record.clip}" is not a clip id`);
    else if (clip.state === 'rejected' || clip.state === 'failed') bad(`clip "${clip.title}" is ${clip.state}`);
    if (!(TARGETS as readonly string[]).includes(target)) {
      bad(`target "${record.target}" is not one of ${TARGETS.join(', ')}`);
      continue;
    }
    if (!isConfigured(deps.configured, target)) bad(`target ${target} is not configured`);
    if (clip && target === 'telegram' && clip.state === 'ready') {
      const problem = telegramProblem({ configured: true, localMode: deps.telegramLocalMode }, clip);
      if (problem) bad(problem);
    }
    const time = (record.time ?? '').trim();
    let publishAt: Date | undefined;
    if (/^next( slot)?$/i.test(time)) {
      publishAt = await nextFreeSlot(deps, target, new Date(), allocated[target]);
      if (!publishAt) bad(`no free ${target} slot in the next 60 days`);
      else allocated[target].push(publishAt);
    } else {
      publishAt = parseHanoiTime(time);
      if (!publishAt) bad(`time "${time}" is not "YYYY-MM-DD HH:MM" (Hanoi), an ISO time with its offset, or "next slot"`);
      else if (publishAt.getTime() < Date.now() - 60_000) bad(`time "${time}" has passed`);
    }
    if (clip && publishAt) rows.push({ clipId: clip.id, target, publishAt });
  }
  if (problems.length) throw new BulkScheduleError(problems);

  const created = await deps.publications.createAll(rows);
  for (const publication of created) await syncPublicationJob(deps.queues, publication).catch(() => undefined);
  return created;
}
