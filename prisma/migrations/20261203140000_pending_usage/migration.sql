-- Pending usage: the running, priced estimate of namespace-hours not settled yet, recomputed
-- every minute so a wallet's available balance is live to the minute (issue 13, live balance).
-- CreateTable
CREATE TABLE "metering"."pending_usage" (
    "namespace" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(6) NOT NULL,
    "wallet_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amount_micros" BIGINT NOT NULL,
    "through_minute" TIMESTAMPTZ(6) NOT NULL,
    "accrued_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "pending_usage_pkey" PRIMARY KEY ("namespace","hour")
);

-- CreateIndex
CREATE INDEX "pending_usage_wallet_id_hour_idx" ON "metering"."pending_usage"("wallet_id", "hour");
