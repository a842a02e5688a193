-- AlterTable
ALTER TABLE "clips" ADD COLUMN     "description" TEXT,
ADD COLUMN     "notify_chat_id" TEXT,
ADD COLUMN     "reason" JSONB,
ADD COLUMN     "sha256" TEXT,
ADD COLUMN     "tags" TEXT[],
ADD COLUMN     "upload_id" TEXT,
ADD COLUMN     "village_id" TEXT;

-- CreateTable
CREATE TABLE "staff_chats" (
    "chat_id" TEXT NOT NULL,
    "staff_id" TEXT NOT NULL,
    "lang" TEXT NOT NULL DEFAULT 'vi',
    "linked_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_chats_pkey" PRIMARY KEY ("chat_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "clips_sha256_key" ON "clips"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "clips_upload_id_key" ON "clips"("upload_id");

-- AddForeignKey
ALTER TABLE "staff_chats" ADD CONSTRAINT "staff_chats_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;
