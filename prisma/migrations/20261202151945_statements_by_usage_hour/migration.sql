-- AlterTable
ALTER TABLE "billing"."statements" ADD COLUMN     "charges_of_other_statements_micros" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "charges_posted_later_micros" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "prior_period_micros" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "usage_cutoff" TIMESTAMPTZ(6);

-- ── Hand-written ──

-- Statements generated before this migration counted usage by posting time, which is the new
-- rule with the cutoff at the period end and no prior-period usage: charges were exactly what
-- the period posted, so the new columns are 0 and the next statement's prior-period lines
-- start at the period end. Statements refuse every UPDATE; the back-fill lifts that trigger
-- inside this migration's transaction only.
ALTER TABLE "billing".statements DISABLE TRIGGER statements_immutable;
UPDATE "billing".statements SET usage_cutoff = period_end;
ALTER TABLE "billing".statements ENABLE TRIGGER statements_immutable;
ALTER TABLE "billing".statements ALTER COLUMN usage_cutoff SET NOT NULL;

-- The statement's own arithmetic (see apps/billing/src/statements/statement.ts): usage is
-- charged by the hour it was used in, balances move when it is posted, and the two lines in
-- between say by how much they differ.
ALTER TABLE "billing".statements DROP CONSTRAINT statements_tie_out;
ALTER TABLE "billing".statements ADD CONSTRAINT statements_tie_out
  CHECK (opening_micros + recharges_micros
         - charges_micros + charges_posted_later_micros - charges_of_other_statements_micros
         + adjustments_micros + other_micros
         = closing_micros);
ALTER TABLE "billing".statements ADD CONSTRAINT statements_usage_cutoff_after_period
  CHECK (usage_cutoff >= period_end);
