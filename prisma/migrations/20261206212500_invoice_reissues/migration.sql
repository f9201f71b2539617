-- Reissuing a voided invoice (issue 14): the statement keeps its one live invoice, and the voided
-- ones it replaced. No data changes; a unique index becomes a partial one.

-- AlterTable
ALTER TABLE "billing"."invoices" ADD COLUMN "reissue_of" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "invoices_reissue_of_key" ON "billing"."invoices"("reissue_of");

-- CreateIndex
CREATE INDEX "invoices_statement_id_idx" ON "billing"."invoices"("statement_id");

-- Written by hand: one invoice per statement that is not VOID (a reissue follows its original's
-- void in the same transaction). Prisma cannot model a partial index.
DROP INDEX "billing"."invoices_statement_id_key";
CREATE UNIQUE INDEX "invoices_statement_id_live_key" ON "billing"."invoices"("statement_id")
  WHERE "status" <> 'VOID';
