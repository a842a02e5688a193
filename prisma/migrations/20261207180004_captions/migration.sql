-- AlterTable
ALTER TABLE "clips" ADD COLUMN     "burn_captions" TEXT;

-- CreateTable
CREATE TABLE "captions" (
    "clip_id" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "cues" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "captions_pkey" PRIMARY KEY ("clip_id","lang")
);

-- AddForeignKey
ALTER TABLE "captions" ADD CONSTRAINT "captions_clip_id_fkey" FOREIGN KEY ("clip_id") REFERENCES "clips"("id") ON DELETE CASCADE ON UPDATE CASCADE;
