-- AlterTable
ALTER TABLE "clips" ADD COLUMN     "slug" TEXT,
ADD COLUMN     "telegram_file_id" TEXT;

-- AlterTable
ALTER TABLE "publications" ADD COLUMN     "caption" TEXT,
ADD COLUMN     "late" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "target_slots" (
    "target" TEXT NOT NULL,
    "slots" TEXT[],
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "target_slots_pkey" PRIMARY KEY ("target")
);

-- CreateTable
CREATE TABLE "vlog_subscribers" (
    "channel" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "lang" TEXT NOT NULL DEFAULT 'vi',
    "subscribed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vlog_subscribers_pkey" PRIMARY KEY ("channel","user_id")
);

-- CreateTable
CREATE TABLE "vlog_deliveries" (
    "id" TEXT NOT NULL,
    "publication_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "error" TEXT,
    "sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vlog_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "vlog_deliveries_channel_user_id_status_idx" ON "vlog_deliveries"("channel", "user_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "vlog_deliveries_publication_id_channel_user_id_key" ON "vlog_deliveries"("publication_id", "channel", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "clips_slug_key" ON "clips"("slug");

-- CreateIndex
CREATE INDEX "publications_target_publish_at_idx" ON "publications"("target", "publish_at");

-- AddForeignKey
ALTER TABLE "vlog_deliveries" ADD CONSTRAINT "vlog_deliveries_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publications"("id") ON DELETE CASCADE ON UPDATE CASCADE;
