-- CreateTable
CREATE TABLE "metering"."usage_samples" (
    "source" TEXT NOT NULL,
    "minute" TIMESTAMPTZ(6) NOT NULL,
    "namespace" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "quantity" BIGINT NOT NULL,

    CONSTRAINT "usage_samples_pkey" PRIMARY KEY ("source","minute","namespace","resource")
);

-- CreateTable
CREATE TABLE "metering"."usage_hourly" (
    "source" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(6) NOT NULL,
    "namespace" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "quantity" BIGINT NOT NULL,
    "sample_count" INTEGER NOT NULL,
    "min_quantity" BIGINT NOT NULL,
    "max_quantity" BIGINT NOT NULL,

    CONSTRAINT "usage_hourly_pkey" PRIMARY KEY ("source","hour","namespace","resource")
);

-- CreateTable
CREATE TABLE "metering"."sample_gaps" (
    "id" BIGSERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "from_time" TIMESTAMPTZ(6) NOT NULL,
    "to_time" TIMESTAMPTZ(6) NOT NULL,
    "reason" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sample_gaps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metering"."settled_hours" (
    "hour" TIMESTAMPTZ(6) NOT NULL,
    "source" TEXT NOT NULL,
    "price_book_id" UUID NOT NULL,
    "price_book_version" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "frozen_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "posted_at" TIMESTAMPTZ(6),

    CONSTRAINT "settled_hours_pkey" PRIMARY KEY ("hour")
);

-- CreateTable
CREATE TABLE "metering"."usage_charges" (
    "hour" TIMESTAMPTZ(6) NOT NULL,
    "namespace" TEXT NOT NULL,
    "wallet_id" UUID NOT NULL,
    "lines" JSONB NOT NULL,
    "total_micros" BIGINT NOT NULL,
    "short_hour" BOOLEAN NOT NULL,
    "reconciled_at" TIMESTAMPTZ(6),

    CONSTRAINT "usage_charges_pkey" PRIMARY KEY ("hour","namespace")
);

-- CreateTable
CREATE TABLE "metering"."settlement_runs" (
    "id" UUID NOT NULL,
    "hour" TIMESTAMPTZ(6) NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "namespaces" INTEGER NOT NULL DEFAULT 0,
    "charged_micros" BIGINT NOT NULL DEFAULT 0,
    "requested_by" TEXT,
    "error" TEXT,
    "started_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(6),

    CONSTRAINT "settlement_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metering"."usage_adjustments" (
    "namespace" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(6) NOT NULL,
    "seq" INTEGER NOT NULL,
    "wallet_id" UUID NOT NULL,
    "lines" JSONB NOT NULL,
    "total_micros" BIGINT NOT NULL,
    "reason" TEXT NOT NULL,
    "report_id" UUID NOT NULL,
    "transaction_id" UUID,
    "posted_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "usage_adjustments_pkey" PRIMARY KEY ("namespace","hour","seq")
);

-- CreateTable
CREATE TABLE "metering"."reconciliation_reports" (
    "id" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "requested_by" TEXT,
    "from_hour" TIMESTAMPTZ(6) NOT NULL,
    "to_hour" TIMESTAMPTZ(6) NOT NULL,
    "status" TEXT NOT NULL,
    "hours_checked" INTEGER NOT NULL DEFAULT 0,
    "flagged_hours" INTEGER NOT NULL DEFAULT 0,
    "refilled_samples" INTEGER NOT NULL DEFAULT 0,
    "adjustments" INTEGER NOT NULL DEFAULT 0,
    "adjusted_micros" BIGINT NOT NULL DEFAULT 0,
    "source_mismatches" INTEGER NOT NULL DEFAULT 0,
    "ledger_mismatches" INTEGER NOT NULL DEFAULT 0,
    "findings" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "started_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(6),

    CONSTRAINT "reconciliation_reports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sample_gaps_from_time_idx" ON "metering"."sample_gaps"("from_time");

-- CreateIndex
CREATE INDEX "usage_charges_namespace_hour_idx" ON "metering"."usage_charges"("namespace", "hour");

-- CreateIndex
CREATE INDEX "settlement_runs_hour_idx" ON "metering"."settlement_runs"("hour");

-- CreateIndex
CREATE INDEX "reconciliation_reports_started_at_idx" ON "metering"."reconciliation_reports"("started_at");

-- Hand-written: what Prisma cannot express.
-- Samples sit on whole UTC minutes, aggregates and charges on whole UTC hours, quantities are
-- never negative (a counter reset is the source's to handle), and resources are billing's names.
ALTER TABLE "metering"."usage_samples"
  ADD CONSTRAINT "usage_samples_whole_minute" CHECK (date_trunc('minute', "minute", 'UTC') = "minute"),
  ADD CONSTRAINT "usage_samples_quantity" CHECK ("quantity" >= 0),
  ADD CONSTRAINT "usage_samples_resource" CHECK ("resource" IN ('CPU', 'MEMORY', 'STORAGE', 'GPU', 'NETWORK_EGRESS', 'NODEPORT'));
ALTER TABLE "metering"."usage_hourly"
  ADD CONSTRAINT "usage_hourly_whole_hour" CHECK (date_trunc('hour', "hour", 'UTC') = "hour"),
  ADD CONSTRAINT "usage_hourly_quantity" CHECK ("quantity" >= 0);
ALTER TABLE "metering"."settled_hours"
  ADD CONSTRAINT "settled_hours_whole_hour" CHECK (date_trunc('hour', "hour", 'UTC') = "hour");
ALTER TABLE "metering"."usage_charges"
  ADD CONSTRAINT "usage_charges_whole_hour" CHECK (date_trunc('hour', "hour", 'UTC') = "hour"),
  ADD CONSTRAINT "usage_charges_total" CHECK ("total_micros" >= 0);
