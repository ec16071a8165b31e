-- AlterTable
ALTER TABLE "Mailbox" ADD COLUMN     "syncLeaseHolder" TEXT,
ADD COLUMN     "syncLeaseUntil" TIMESTAMP(3);
