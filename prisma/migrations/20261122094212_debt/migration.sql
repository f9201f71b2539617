-- CreateTable
CREATE TABLE "metering"."wallet_debt" (
    "wallet_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "state" TEXT NOT NULL,
    "since" TIMESTAMPTZ(6) NOT NULL,
    "negative_since" TIMESTAMPTZ(6),
    "balance_micros" BIGINT NOT NULL,
    "hourly_spend_micros" BIGINT NOT NULL,
    "evaluated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "wallet_debt_pkey" PRIMARY KEY ("wallet_id")
);

-- CreateTable
CREATE TABLE "metering"."debt_transitions" (
    "id" BIGSERIAL NOT NULL,
    "wallet_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "from_state" TEXT NOT NULL,
    "to_state" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "balance_micros" BIGINT NOT NULL,
    "hourly_spend_micros" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "debt_transitions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "wallet_debt_state_idx" ON "metering"."wallet_debt"("state");

-- CreateIndex
CREATE INDEX "debt_transitions_wallet_id_id_idx" ON "metering"."debt_transitions"("wallet_id", "id");

-- CreateIndex
CREATE INDEX "usage_charges_wallet_id_hour_idx" ON "metering"."usage_charges"("wallet_id", "hour");

-- Hand-written: states are account's DebtState names; transitions are history, never edited.
ALTER TABLE "metering"."wallet_debt"
  ADD CONSTRAINT "wallet_debt_state" CHECK ("state" IN ('NORMAL', 'LOW_BALANCE', 'CRITICAL', 'SUSPENDED', 'RECLAIMED'));
ALTER TABLE "metering"."debt_transitions"
  ADD CONSTRAINT "debt_transitions_states" CHECK (
    "from_state" IN ('NORMAL', 'LOW_BALANCE', 'CRITICAL', 'SUSPENDED', 'RECLAIMED') AND
    "to_state" IN ('NORMAL', 'LOW_BALANCE', 'CRITICAL', 'SUSPENDED', 'RECLAIMED') AND
    "from_state" <> "to_state");

CREATE FUNCTION "metering".refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on %.% is not allowed: debt transitions are history', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME;
END $$;
CREATE TRIGGER debt_transitions_append_only BEFORE UPDATE OR DELETE ON "metering"."debt_transitions"
  FOR EACH ROW EXECUTE FUNCTION "metering".refuse_change();
