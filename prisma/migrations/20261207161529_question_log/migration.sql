-- CreateTable
CREATE TABLE "questions" (
    "id" BIGSERIAL NOT NULL,
    "asked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "channel" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "text" TEXT,
    "folded" TEXT,
    "intent" TEXT NOT NULL,
    "entries" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "unknown" BOOLEAN NOT NULL DEFAULT false,
    "latency_ms" INTEGER NOT NULL,
    "visitor" TEXT,

    CONSTRAINT "questions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learned_phrasings" (
    "id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "folded" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT,
    "intent" TEXT,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "learned_phrasings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_secrets" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_secrets_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "questions_asked_at_idx" ON "questions"("asked_at");

-- CreateIndex
CREATE INDEX "questions_unknown_asked_at_idx" ON "questions"("unknown", "asked_at");

-- CreateIndex
CREATE UNIQUE INDEX "learned_phrasings_folded_key" ON "learned_phrasings"("folded");
