// The shape of the handbook files in content/ (documented for writers in content/README.md).
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'an id is a lowercase slug such as bat-trang');
const text = z.string().trim().min(1, 'must not be empty');
const sources = z.array(z.url({ protocol: /^https?$/ })).min(1, 'give at least one source URL');

const textIn = (language: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `the ${language} text is missing` : `the ${language} text must be text`) })
    .trim()
    .min(1, `the ${language} text is empty`);

export const bilingual = z.object({ vi: textIn('Vietnamese'), en: textIn('English') }).strict();

/** Notes for staff (what the sources do or do not say, where a map point comes from); never shown to visitors. */
const notes = z.array(text).optional();

export const precisions = ['village', 'commune', 'merged-commune', 'new-commune'] as const;

export const location = z
  .object({
    lat: z.number().min(20.3, 'latitude is outside Hanoi').max(21.5, 'latitude is outside Hanoi'),
    lon: z.number().min(105.2, 'longitude is outside Hanoi').max(106.1, 'longitude is outside Hanoi'),
    precision: z.enum(precisions),
    note: text.optional(),
    sources,
  })
  .strict();

export const recognitionTitles = [
  'craft_village',
  'traditional_craft_village',
  'heritage_craft_village',
  'traditional_craft',
  'national_intangible_heritage',
  'wcc_craft_city',
  'tourist_site',
  'ip_collective_mark',
  'ip_certification_mark',
  'ip_geographical_indication',
  'vietnam_record',
  'other',
] as const;

export const villageSchema = z
  .object({
    id,
    name: bilingual,
    aliases: z.array(text).default([]),
    crafts: z.array(id).min(1, 'name at least one craft'),
    address: z
      .object({
        commune: text.optional(),
        communeConfirmed: z.boolean().default(true),
        formerCommune: text.optional(),
        formerDistrict: text.optional(),
      })
      .strict(),
    location: location.optional(),
    summary: bilingual,
    history: bilingual.optional(),
    recognition: z
      .array(
        z
          .object({
            title: z.enum(recognitionTitles),
            year: z.number().int().min(1000).max(2100).optional(),
            decision: text.optional(),
            confirmed: z.boolean().default(true),
            note: bilingual.optional(),
            sources,
          })
          .strict(),
      )
      .default([]),
    atRisk: z.object({ note: bilingual, sources }).strict().optional(),
    visit: z
      .object({
        see: bilingual.optional(),
        festivals: bilingual.optional(),
        gettingThere: bilingual.optional(),
        distanceKm: z.number().positive().max(200).optional(),
        hours: bilingual.optional(),
        shopping: bilingual.optional(),
      })
      .strict()
      .default({}),
    notes,
    sources,
  })
  .strict();

export type VillageEntry = z.infer<typeof villageSchema>;

export const craftSchema = z
  .object({
    id,
    name: bilingual,
    aliases: z.array(text).default([]),
    description: bilingual,
    notes,
    sources,
  })
  .strict();
export type CraftEntry = z.infer<typeof craftSchema>;

export const ocopLevels = ['district', 'city', 'national'] as const;

export const productSchema = z
  .object({
    id,
    name: bilingual,
    craft: id,
    kind: z.enum(['named', 'type']),
    producer: text.optional(),
    ocop: z
      .object({
        stars: z.number().int().min(3, 'OCOP certifies 3 to 5 stars').max(5, 'OCOP certifies 3 to 5 stars').optional(),
        year: z.number().int().min(2018).max(2100).optional(),
        level: z.enum(ocopLevels).optional(),
        confirmed: z.boolean().default(true),
      })
      .strict()
      .optional(),
    whereToBuy: bilingual.optional(),
    places: z.array(id).default([]),
    url: z.url({ protocol: /^https?$/ }).optional(),
    notes,
    sources,
  })
  .strict();
export type ProductEntry = z.infer<typeof productSchema>;

export const productFileSchema = z
  .object({ village: id, products: z.array(productSchema).min(1, 'list at least one product') })
  .strict();

export const placeKinds = ['ocop_centre', 'ocop_sales_point', 'showroom', 'museum', 'market', 'sight'] as const;

export const placeSchema = z
  .object({
    id,
    kind: z.enum(placeKinds),
    name: bilingual,
    address: text.optional(),
    villages: z.array(id).default([]),
    offers: bilingual.optional(),
    location: location.optional(),
    notes,
    sources,
  })
  .strict();
export type PlaceEntry = z.infer<typeof placeSchema>;

const routeStop = z
  .object({ village: id.optional(), place: id.optional(), note: bilingual.optional() })
  .strict()
  .refine((stop) => Boolean(stop.village) !== Boolean(stop.place), 'a stop names either a village or a place');

export const routeSchema = z
  .object({
    id,
    name: bilingual,
    theme: bilingual,
    origin: z.enum(['city', 'operator', 'langnghe']),
    days: z.number().int().min(1).max(7),
    stops: z.array(routeStop).min(2, 'a route has at least two stops'),
    dayPlan: bilingual,
    travel: bilingual,
    notes,
    sources,
  })
  .strict();
export type RouteEntry = z.infer<typeof routeSchema>;

export const elsewhereSchema = z
  .object({ id, name: bilingual, aliases: z.array(text).default([]), note: bilingual, notes, sources })
  .strict();
export type ElsewhereEntry = z.infer<typeof elsewhereSchema>;

/** What a learned phrasing answers: a handbook entry, or an intent ("help" also for "out of scope"). */
export const learnedTargetTypes = ['village', 'craft', 'product', 'route'] as const;
export const learnedIntents = ['help', 'out-of-scope', 'nearby', 'route', 'recognition'] as const;
export type LearnedIntent = (typeof learnedIntents)[number];
const typedTarget = z.object({ type: z.enum(learnedTargetTypes, `type is one of ${learnedTargetTypes.join(', ')}`), id }).strict();
const intentTarget = z.object({ intent: z.enum(learnedIntents, `intent is one of ${learnedIntents.join(', ')}`) }).strict();
// Read by the key it has (intent, or type and id), so that a problem is named precisely.
export const learnedTargetSchema = z
  .record(z.string(), z.unknown(), { error: 'target is {type, id} (village, craft, product or route) or {intent}' })
  .transform((value, ctx): z.infer<typeof typedTarget> | z.infer<typeof intentTarget> => {
    const result = ('intent' in value ? intentTarget : typedTarget).safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  });
export type LearnedTarget = z.infer<typeof learnedTargetSchema>;
/** A way visitors ask that staff taught the bot (content/learned.yaml, or the console). */
export const learnedSchema = z.object({ text: text.max(300, 'a phrasing is at most 300 characters'), target: learnedTargetSchema }).strict();
export type LearnedEntry = z.infer<typeof learnedSchema>;

export const applicationKinds = ['craft_village', 'traditional_craft_village', 'heritage_craft_village', 'artisan_title', 'ocop', 'ip'] as const;

const stageSchema = z.object({ id, label: bilingual, next: bilingual.optional(), final: z.boolean().optional() }).strict();
// A procedure the sources barely describe (IP) keeps its generic stages and says so in its note.
const kindStages = z
  .object({ sources: z.array(z.url({ protocol: /^https?$/ })).default([]), note: bilingual.optional(), stages: z.array(stageSchema).min(1, 'list at least one stage') })
  .strict()
  .refine((kind) => kind.sources.length > 0 || kind.note, 'give sources, or a note saying why there are none');
export const stagesFileSchema = z.object(Object.fromEntries(applicationKinds.map((kind) => [kind, kindStages])) as Record<(typeof applicationKinds)[number], typeof kindStages>).strict();
export type StagesFile = z.infer<typeof stagesFileSchema>;

export const guideSchema = z
  .object({ id, questions: z.array(text).min(1, 'give at least one way to ask'), answer: bilingual, sources })
  .strict();
export type GuideEntry = z.infer<typeof guideSchema>;

export const planTargetSchema = z
  .object({
    id,
    label: bilingual,
    target: z.number().nonnegative(),
    unit: z.enum(['percent', 'count']),
    year: z.number().int().min(2025).max(2100),
    sources,
  })
  .strict();
export type PlanTargetEntry = z.infer<typeof planTargetSchema>;
