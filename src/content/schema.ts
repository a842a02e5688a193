// The shape of the handbook files in content/ (documented for writers in content/README.md).
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id is a lowercase slug such as bat-trang');
const text = z.string().trim().min(1, 'must not be empty');
const sources = z.array(z.url({ protocol: /^https?$/ })).min(1, 'give at least one source URL');

export const bilingual = z.object({
  vi: text.describe('Vietnamese text'),
  en: text.describe('English text'),
}).strict();

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
    sources,
  })
  .strict();

export type VillageEntry = z.infer<typeof villageSchema>;
