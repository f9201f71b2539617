-- Scrape gaps per namespace, resource and minute range, kept with their hour: settlement
-- flags a namespace-hour with an unproven gap, and reconciliation keeps the flag until a
-- reading of the hour no longer has it (issue 11, item 6).
-- CreateTable
CREATE TABLE "metering"."usage_gaps" (
    "source" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(6) NOT NULL,
    "namespace" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "from_minute" TIMESTAMPTZ(6) NOT NULL,
    "to_minute" TIMESTAMPTZ(6) NOT NULL,
    "proven" BOOLEAN NOT NULL,
    "recorded_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "usage_gaps_pkey" PRIMARY KEY ("source","hour","namespace","resource","from_minute")
);
