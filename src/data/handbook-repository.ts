// Reads the imported handbook back from PostgreSQL, in the shape the content loader gives.
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Handbook } from '../content/load.js';

export async function loadHandbookFromDb(prisma: PrismaClient): Promise<Handbook> {
  const data = <T>(rows: Array<{ data: unknown }>) => rows.map((row) => row.data as T);
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
    villages: data(villages),
    crafts: data(crafts),
    products: data(products),
    places: data(places),
    routes: data(routes),
    plan: data(plan),
    elsewhere: data(elsewhere),
    stages: (document('stages') ?? null) as Handbook['stages'],
    guides: (document('guides') ?? []) as Handbook['guides'],
  };
}
