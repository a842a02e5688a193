// `npm run artisans:import <file.csv>`: applicants and their applications from a spreadsheet. Every line
// is checked first and every bad one reported with its number; then all are written in one transaction,
// or none.
import { z } from 'zod';
import type { ArtisanRepository } from '../../data/artisan-repository.js';
import { applicationKinds, type Actor } from '../../domain/artisans/application.js';
import { normalizePhone } from './phone.js';
import type { StageBook } from './stages.js';

export const csvColumns = [
  'name',
  'applicant_kind',
  'phone',
  'village',
  'kind',
  'subject',
  'reference',
  'submitted',
  'stage',
  'next_step',
  'missing',
  'office',
] as const;

const optional = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value));
const line = z.object({
  name: z.string().trim().min(1, 'name is empty'),
  applicant_kind: optional.pipe(z.enum(['person', 'organisation']).optional()),
  phone: z.string().transform((value, ctx) => {
    const phone = normalizePhone(value);
    if (!phone) ctx.addIssue({ code: 'custom', message: `phone "${value}" is not a Vietnamese phone number` });
    return phone ?? '';
  }),
  village: optional,
  kind: z.enum(applicationKinds, { error: `kind must be one of ${applicationKinds.join(', ')}` }),
  subject: z.string().trim().min(1, 'subject is empty'),
  reference: optional,
  submitted: optional.pipe(z.iso.date({ message: 'submitted must be a date like 2025-03-31' }).optional()),
  stage: optional,
  next_step: optional,
  missing: optional,
  office: optional,
});

export class CsvImportError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'CsvImportError';
  }
}

export async function importArtisansCsv(deps: { artisans: ArtisanRepository; stages: StageBook }, input: { actor: Actor; csv: string }) {
  const { stages } = deps;
  // Loaded with the first upload: a server that never gets one does not hold the parser (issue 20).
  const { parse } = await import('csv-parse/sync');
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(input.csv, { columns: true, skip_empty_lines: true, trim: true, bom: true, info: true });
  } catch (error) {
    throw new CsvImportError([`the file is not valid CSV: ${(error as Error).message}`]);
  }
  const problems: string[] = [];
  const header = Object.keys(records[0]?.record ?? {});
  const missing = csvColumns.filter((column) => !header.includes(column) && ['name', 'phone', 'kind', 'subject'].includes(column));
  if (missing.length) throw new CsvImportError([`line 1: missing column(s): ${missing.join(', ')} (expected: ${csvColumns.join(', ')})`]);
  const villages = await deps.artisans.villageIds();
  const rows: Array<z.infer<typeof line> & { line: number }> = [];
  for (const { record, info } of records) {
    const result = line.safeParse(record);
    if (!result.success) {
      problems.push(`line ${info.lines}: ${result.error.issues.map((i) => i.message).join('; ')}`);
      continue;
    }
    const row = result.data;
    if (row.village && !villages.has(row.village)) problems.push(`line ${info.lines}: village "${row.village}" is not in the handbook`);
    if (row.stage && !stages.has(row.kind, row.stage)) problems.push(`line ${info.lines}: stage "${row.stage}" is not a stage of ${row.kind}`);
    rows.push({ ...row, line: info.lines });
  }
  if (problems.length) throw new CsvImportError(problems);

  const { applicants } = await deps.artisans.importApplications(
    rows.map((row) => ({
      line: row.line,
      name: row.name,
      applicantKind: row.applicant_kind ?? 'person',
      villageId: row.village ?? null,
      phone: row.phone,
      kind: row.kind,
      subject: row.subject,
      reference: row.reference ?? null,
      submittedAt: row.submitted ? new Date(row.submitted) : null,
      stage: row.stage ?? stages.first(row.kind),
      nextStep: row.next_step ?? null,
      missing: row.missing ?? null,
      office: row.office ?? null,
    })),
    input.actor.name,
  );
  return { applicants, applications: rows.length };
}
