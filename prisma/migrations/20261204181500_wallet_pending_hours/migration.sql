-- Live wallet figures kept beside the balance (issue 13): metering publishes each wallet's
-- pending usage per hour, so `wallet { availableBalance }` is one read of the account service
-- instead of three services in turn, and never waits on metering's minute accrual.
-- CreateEnum
CREATE TYPE "account"."WalletPendingState" AS ENUM ('OPEN', 'FROZEN', 'POSTED');

-- CreateTable
CREATE TABLE "account"."wallet_pending_hours" (
    "wallet_id" UUID NOT NULL,
    "hour" TIMESTAMPTZ(6) NOT NULL,
    "state" "account"."WalletPendingState" NOT NULL,
    "amount_micros" BIGINT NOT NULL,
    "through_minute" TIMESTAMPTZ(6),
    "entries_after" BIGINT,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wallet_pending_hours_pkey" PRIMARY KEY ("wallet_id","hour")
);

-- CreateTable
CREATE TABLE "account"."pending_settled_hours" (
    "hour" TIMESTAMPTZ(6) NOT NULL,
    "frozen_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pending_settled_hours_pkey" PRIMARY KEY ("hour")
);

-- CreateIndex
CREATE INDEX "wallet_pending_hours_hour_idx" ON "account"."wallet_pending_hours"("hour");

-- Written by hand: a frozen hour names the entries its charges come after.
ALTER TABLE "account"."wallet_pending_hours"
  ADD CONSTRAINT "wallet_pending_hours_frozen_after" CHECK (("state" = 'FROZEN') = ("entries_after" IS NOT NULL)),
  ADD CONSTRAINT "wallet_pending_hours_whole_hour" CHECK (date_trunc('hour', "hour", 'UTC') = "hour");
