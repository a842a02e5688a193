-- CreateTable
CREATE TABLE "zalo_tokens" (
    "id" TEXT NOT NULL DEFAULT 'oa',
    "access_token" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_expires_at" TIMESTAMP(3) NOT NULL,
    "refresh_expires_at" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'ok',
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "zalo_tokens_pkey" PRIMARY KEY ("id")
);
