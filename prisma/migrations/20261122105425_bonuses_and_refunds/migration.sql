-- AlterTable
ALTER TABLE "billing"."recharges" ADD COLUMN     "first_bonus_micros" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "payment_intent_id" TEXT,
ADD COLUMN     "refunded_micros" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "billing"."first_recharge_bonuses" (
    "tenant_id" UUID NOT NULL,
    "recharge_id" UUID NOT NULL,
    "claimed_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "first_recharge_bonuses_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateTable
CREATE TABLE "billing"."recharge_refunds" (
    "recharge_id" UUID NOT NULL,
    "cumulative_micros" BIGINT NOT NULL,
    "amount_micros" BIGINT NOT NULL,
    "bonus_clawback_micros" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "posted_at" TIMESTAMPTZ(6),

    CONSTRAINT "recharge_refunds_pkey" PRIMARY KEY ("recharge_id","cumulative_micros")
);

-- CreateIndex
CREATE UNIQUE INDEX "first_recharge_bonuses_recharge_id_key" ON "billing"."first_recharge_bonuses"("recharge_id");

-- CreateIndex
CREATE UNIQUE INDEX "recharges_payment_intent_id_key" ON "billing"."recharges"("payment_intent_id");

-- Hand-written: money is never negative here, and refunds never exceed what was paid.
ALTER TABLE "billing"."recharges"
  ADD CONSTRAINT "recharges_refunded" CHECK ("refunded_micros" >= 0 AND "refunded_micros" <= "amount_micros"),
  ADD CONSTRAINT "recharges_first_bonus" CHECK ("first_bonus_micros" >= 0 AND "first_bonus_micros" <= "bonus_micros");
ALTER TABLE "billing"."recharge_refunds"
  ADD CONSTRAINT "recharge_refunds_amounts" CHECK ("amount_micros" > 0 AND "bonus_clawback_micros" >= 0);
