-- AlterEnum
ALTER TYPE "ImportEntity" ADD VALUE 'DEAL';
