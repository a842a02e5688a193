-- AlterTable
ALTER TABLE "clips" ADD COLUMN     "error_detail" TEXT;
