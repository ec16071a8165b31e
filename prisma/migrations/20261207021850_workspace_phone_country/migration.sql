-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "defaultPhoneCountry" CHAR(2);
