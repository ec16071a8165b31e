-- AlterTable
ALTER TABLE "Mailbox" ADD COLUMN     "oauthProvider" TEXT;
