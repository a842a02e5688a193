-- AlterTable
ALTER TABLE "publications" ADD COLUMN     "lease_until" TIMESTAMP(3);
