-- CreateTable
CREATE TABLE "translations" (
    "key" TEXT NOT NULL,
    "target_lang" TEXT NOT NULL,
    "source_lang" TEXT,
    "text" TEXT NOT NULL,
    "translated" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "translations_pkey" PRIMARY KEY ("key")
);
