-- CreateTable
CREATE TABLE "elsewhere" (
    "id" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "sources" TEXT[],
    "data" JSONB NOT NULL,

    CONSTRAINT "elsewhere_pkey" PRIMARY KEY ("id")
);
