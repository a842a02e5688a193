// The imported handbook: villages, crafts, products, places, routes, plan targets. Each row keeps its whole
// entry as JSON, turned back into its type here, once, by the content schema; callers get typed entries.
import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Handbook } from '../content/load.js';
import {
  craftSchema,
  elsewhereSchema,
  guideSchema,
  learnedSchema,
  placeSchema,
  planTargetSchema,
  productFileSchema,
  productSchema,
  routeSchema,
  stagesFileSchema,
  villageSchema,
} from '../content/schema.js';
import { isImported, writeHandbook } from './handbook-import.js';

// A stored product also names its village (the products file's header).
const storedProductSchema = productSchema.extend({ village: productFileSchema.shape.village });
export type StoredProduct = z.infer<typeof storedProductSchema>;

/** The entry a row keeps, by its schema; a row that no longer fits (content/ not imported since the schema changed) is a server error. */
function decoder<T>(schema: z.ZodType<T>, what: string) {
  return (data: unknown): T => {
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    throw new Error(`a stored ${what} does not fit the content schema, import content/ again: ${z.prettifyError(result.error)}`, { cause: result.error });
  };
}

const decode = {
  village: decoder(villageSchema, 'village'),
  craft: decoder(craftSchema, 'craft'),
  product: decoder(storedProductSchema, 'product'),
  place: decoder(placeSchema, 'place'),
  route: decoder(routeSchema, 'route'),
  planTarget: decoder(planTargetSchema, 'plan target'),
  elsewhere: decoder(elsewhereSchema, 'elsewhere entry'),
  stages: decoder(stagesFileSchema.nullable(), 'stages document'),
  guides: decoder(z.array(guideSchema), 'guides document'),
  learned: decoder(z.array(learnedSchema), 'learned phrasings document'),
};

export interface ProductFilter {
  village?: string;
  craft?: string;
  /** Any OCOP rating ('any'), or at least this many stars. */
  ocop?: 'any' | 3 | 4 | 5;
}

const names = { nameVi: true, nameEn: true } as const;

const routeSelect = {
  data: true,
  stops: {
    orderBy: { position: 'asc' as const },
    select: {
      position: true,
      village: { select: { id: true, ...names, lat: true, lon: true, precision: true, commune: true, formerCommune: true, formerDistrict: true } },
      place: { select: { id: true, ...names, lat: true, lon: true, address: true, data: true } },
    },
  },
};

type RouteRow = {
  data: unknown;
  stops: Array<{
    position: number;
    village: { id: string; nameVi: string; nameEn: string; lat: number | null; lon: number | null; precision: string | null; commune: string | null; formerCommune: string | null; formerDistrict: string | null } | null;
    place: { id: string; nameVi: string; nameEn: string; lat: number | null; lon: number | null; address: string | null; data: unknown } | null;
  }>;
};

function routeRecord(row: RouteRow) {
  return {
    entry: decode.route(row.data),
    stops: row.stops.map(({ position, village, place }) => {
      if (!place) return { position, village, place: null };
      const { data, ...columns } = place;
      return { position, village, place: { ...columns, entry: decode.place(data) } };
    }),
  };
}

export type RouteRecord = ReturnType<typeof routeRecord>;

export function createHandbookRepository(prisma: PrismaClient) {
  return {
    /** The whole handbook, in the shape the content loader gives. */
    async load(): Promise<Handbook> {
      const order = { orderBy: { id: 'asc' as const }, select: { data: true } };
      const [villages, crafts, products, places, routes, plan, elsewhere, documents] = await Promise.all([
        prisma.village.findMany(order),
        prisma.craft.findMany(order),
        prisma.product.findMany(order),
        prisma.place.findMany(order),
        prisma.route.findMany(order),
        prisma.planTarget.findMany(order),
        prisma.elsewhere.findMany(order),
        prisma.contentDocument.findMany(),
      ]);
      const document = (id: string) => documents.find((d) => d.id === id)?.data;
      return {
        villages: villages.map((row) => decode.village(row.data)),
        crafts: crafts.map((row) => decode.craft(row.data)),
        products: products.map((row) => decode.product(row.data)),
        places: places.map((row) => decode.place(row.data)),
        routes: routes.map((row) => decode.route(row.data)),
        plan: plan.map((row) => decode.planTarget(row.data)),
        elsewhere: elsewhere.map((row) => decode.elsewhere(row.data)),
        stages: decode.stages(document('stages') ?? null),
        guides: decode.guides(document('guides') ?? []),
        learned: decode.learned(document('learned') ?? []),
      };
    },

    /** The files' handbook written over the stored one, in one transaction (src/data/handbook-import.ts). */
    write: (handbook: Handbook, options: { contentHash: string; onlyWhenChanged?: boolean }) => writeHandbook(prisma, handbook, options),
    isImported: (contentHash: string) => isImported(prisma, contentHash),

    listVillages(filter: { craft?: string } = {}) {
      return prisma.village.findMany({
        where: filter.craft ? { crafts: { some: { craftId: filter.craft } } } : undefined,
        orderBy: { id: 'asc' },
        select: {
          id: true, ...names, commune: true, communeConfirmed: true, formerCommune: true, formerDistrict: true,
          lat: true, lon: true, precision: true, atRisk: true,
          crafts: { orderBy: { position: 'asc' }, select: { craftId: true } },
          recognitions: { select: { title: true, year: true, confirmed: true } },
          products: { select: { ocopStars: true, ocopConfirmed: true } },
        },
      });
    },

    /** Every village's entry as its file gives it. */
    async villageEntries() {
      const rows = await prisma.village.findMany({ select: { data: true } });
      return rows.map((row) => decode.village(row.data));
    },

    /** A village's entry with its products, the routes through it and the places linked to it. */
    async findVillage(id: string) {
      const row = await prisma.village.findUnique({
        where: { id },
        select: {
          data: true,
          products: { orderBy: { id: 'asc' }, select: { data: true } },
          routeStops: { select: { route: { select: { id: true, ...names } } } },
          places: { select: { place: { select: { id: true, kind: true, ...names } } } },
        },
      });
      if (!row) return null;
      return {
        entry: decode.village(row.data),
        products: row.products.map((p) => decode.product(p.data)),
        routes: row.routeStops.map((s) => s.route),
        places: row.places.map((p) => p.place),
      };
    },

    async listRoutes() {
      const rows = await prisma.route.findMany({ orderBy: { id: 'asc' }, select: routeSelect });
      return rows.map(routeRecord);
    },

    async findRoute(id: string) {
      const row = await prisma.route.findUnique({ where: { id }, select: routeSelect });
      return row ? routeRecord(row) : null;
    },

    async listProducts(filter: ProductFilter = {}) {
      const rows = await prisma.product.findMany({
        where: {
          villageId: filter.village,
          craftId: filter.craft,
          ...(filter.ocop === 'any' ? { ocopConfirmed: { not: null } } : filter.ocop ? { ocopStars: { gte: filter.ocop } } : {}),
        },
        orderBy: [{ ocopStars: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
        select: { data: true, village: { select: { id: true, ...names } } },
      });
      return rows.map((row) => ({ entry: decode.product(row.data), village: row.village }));
    },

    /** Crafts' names, all of them or those asked for. */
    listCrafts(ids?: string[]) {
      return prisma.craft.findMany({ where: ids ? { id: { in: ids } } : undefined, select: { id: true, ...names } });
    },

    /** What the plan's indicators count, village by village. */
    villageFacts() {
      return prisma.village.findMany({
        select: {
          id: true,
          atRisk: true,
          recognitions: { select: { title: true, year: true, confirmed: true } },
          products: { select: { ocopStars: true, ocopConfirmed: true, url: true } },
          places: { select: { place: { select: { kind: true } } } },
        },
      });
    },

    async routeCountsByOrigin() {
      const groups = await prisma.route.groupBy({ by: ['origin'], _count: true });
      return groups.map((g) => ({ origin: g.origin, count: g._count }));
    },

    async productCountsByKind() {
      const groups = await prisma.product.groupBy({ by: ['kind'], _count: true });
      return groups.map((g) => ({ kind: g.kind, count: g._count }));
    },

    async planTargets() {
      const rows = await prisma.planTarget.findMany({ select: { data: true } });
      return rows.map((row) => decode.planTarget(row.data));
    },

    /** When content/ was last imported, or null before the first import. */
    async importedAt(): Promise<Date | null> {
      const state = await prisma.contentState.findUnique({ where: { id: 1 }, select: { importedAt: true } });
      return state?.importedAt ?? null;
    },
  };
}

export type HandbookRepository = ReturnType<typeof createHandbookRepository>;
