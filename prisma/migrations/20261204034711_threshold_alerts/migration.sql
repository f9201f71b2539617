-- Threshold alerts (issue 13): definitions and state in metering, which evaluates them with the
-- debt ladder; every transition once, numbered per alert.
-- CreateTable
CREATE TABLE "metering"."alerts" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "wallet_id" UUID NOT NULL,
    "sub_account_id" UUID,
    "kind" TEXT NOT NULL,
    "amount_micros" BIGINT,
    "percent" INTEGER,
    "hours" INTEGER,
    "state" TEXT NOT NULL DEFAULT 'OK',
    "last_transition_at" TIMESTAMPTZ(6),
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metering"."alert_transitions" (
    "id" BIGSERIAL NOT NULL,
    "alert_id" UUID NOT NULL,
    "wallet_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "from_state" TEXT NOT NULL,
    "to_state" TEXT NOT NULL,
    "observed" TEXT NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL,
    "sequence" INTEGER NOT NULL,

    CONSTRAINT "alert_transitions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alerts_wallet_id_idx" ON "metering"."alerts"("wallet_id");

-- CreateIndex
CREATE UNIQUE INDEX "alert_transitions_alert_id_sequence_key" ON "metering"."alert_transitions"("alert_id", "sequence");

-- Hand-written: each kind carries exactly the threshold it is measured against.
ALTER TABLE "metering"."alerts" ADD CONSTRAINT "alerts_threshold_fits_kind" CHECK (
  CASE "kind"
    WHEN 'AVAILABLE_BALANCE_BELOW' THEN "amount_micros" > 0 AND "percent" IS NULL AND "hours" IS NULL
    WHEN 'MONTHLY_SPEND_ABOVE' THEN "amount_micros" > 0 AND "percent" IS NULL AND "hours" IS NULL
    WHEN 'MONTHLY_BUDGET_PERCENT_ABOVE' THEN "percent" BETWEEN 1 AND 1000 AND "amount_micros" IS NULL AND "hours" IS NULL AND "sub_account_id" IS NOT NULL
    WHEN 'RUNS_OUT_WITHIN' THEN "hours" > 0 AND "amount_micros" IS NULL AND "percent" IS NULL
    ELSE false
  END
);
ALTER TABLE "metering"."alerts" ADD CONSTRAINT "alerts_state_known" CHECK ("state" IN ('OK', 'TRIGGERED'));
