-- Trigram indexes for fuzzy search (added by hand: Prisma does not declare the extension here).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "villages" DROP COLUMN "crafts",
ADD COLUMN     "at_risk" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "commune" TEXT,
ADD COLUMN     "commune_confirmed" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "former_commune" TEXT,
ADD COLUMN     "former_district" TEXT,
ADD COLUMN     "search_text" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sources" TEXT[];

-- CreateTable
CREATE TABLE "crafts" (
    "id" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "aliases" TEXT[],
    "search_text" TEXT NOT NULL DEFAULT '',
    "sources" TEXT[],
    "data" JSONB NOT NULL,

    CONSTRAINT "crafts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "village_crafts" (
    "village_id" TEXT NOT NULL,
    "craft_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "village_crafts_pkey" PRIMARY KEY ("village_id","craft_id")
);

-- CreateTable
CREATE TABLE "recognitions" (
    "id" SERIAL NOT NULL,
    "village_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "year" INTEGER,
    "decision" TEXT,
    "confirmed" BOOLEAN NOT NULL DEFAULT true,
    "sources" TEXT[],

    CONSTRAINT "recognitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "products" (
    "id" TEXT NOT NULL,
    "village_id" TEXT NOT NULL,
    "craft_id" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "producer" TEXT,
    "ocop_stars" INTEGER,
    "ocop_year" INTEGER,
    "ocop_level" TEXT,
    "ocop_confirmed" BOOLEAN,
    "url" TEXT,
    "search_text" TEXT NOT NULL DEFAULT '',
    "sources" TEXT[],
    "data" JSONB NOT NULL,

    CONSTRAINT "products_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "places" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "address" TEXT,
    "lat" DOUBLE PRECISION,
    "lon" DOUBLE PRECISION,
    "sources" TEXT[],
    "data" JSONB NOT NULL,

    CONSTRAINT "places_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "place_villages" (
    "place_id" TEXT NOT NULL,
    "village_id" TEXT NOT NULL,

    CONSTRAINT "place_villages_pkey" PRIMARY KEY ("place_id","village_id")
);

-- CreateTable
CREATE TABLE "routes" (
    "id" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "search_text" TEXT NOT NULL DEFAULT '',
    "sources" TEXT[],
    "data" JSONB NOT NULL,

    CONSTRAINT "routes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "route_stops" (
    "route_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "village_id" TEXT,
    "place_id" TEXT,

    CONSTRAINT "route_stops_pkey" PRIMARY KEY ("route_id","position")
);

-- CreateTable
CREATE TABLE "plan_targets" (
    "id" TEXT NOT NULL,
    "target" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sources" TEXT[],
    "data" JSONB NOT NULL,

    CONSTRAINT "plan_targets_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "crafts_search_trgm" ON "crafts" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "village_crafts_craft_id_idx" ON "village_crafts"("craft_id");

-- CreateIndex
CREATE INDEX "recognitions_village_id_idx" ON "recognitions"("village_id");

-- CreateIndex
CREATE INDEX "recognitions_title_idx" ON "recognitions"("title");

-- CreateIndex
CREATE INDEX "products_village_id_idx" ON "products"("village_id");

-- CreateIndex
CREATE INDEX "products_craft_id_idx" ON "products"("craft_id");

-- CreateIndex
CREATE INDEX "products_search_trgm" ON "products" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "place_villages_village_id_idx" ON "place_villages"("village_id");

-- CreateIndex
CREATE INDEX "route_stops_village_id_idx" ON "route_stops"("village_id");

-- CreateIndex
CREATE INDEX "villages_search_trgm" ON "villages" USING GIN ("search_text" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "village_crafts" ADD CONSTRAINT "village_crafts_village_id_fkey" FOREIGN KEY ("village_id") REFERENCES "villages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "village_crafts" ADD CONSTRAINT "village_crafts_craft_id_fkey" FOREIGN KEY ("craft_id") REFERENCES "crafts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_village_id_fkey" FOREIGN KEY ("village_id") REFERENCES "villages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "products" ADD CONSTRAINT "products_village_id_fkey" FOREIGN KEY ("village_id") REFERENCES "villages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "products" ADD CONSTRAINT "products_craft_id_fkey" FOREIGN KEY ("craft_id") REFERENCES "crafts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "place_villages" ADD CONSTRAINT "place_villages_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "places"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "place_villages" ADD CONSTRAINT "place_villages_village_id_fkey" FOREIGN KEY ("village_id") REFERENCES "villages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "route_stops" ADD CONSTRAINT "route_stops_route_id_fkey" FOREIGN KEY ("route_id") REFERENCES "routes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "route_stops" ADD CONSTRAINT "route_stops_village_id_fkey" FOREIGN KEY ("village_id") REFERENCES "villages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "route_stops" ADD CONSTRAINT "route_stops_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "places"("id") ON DELETE CASCADE ON UPDATE CASCADE;
