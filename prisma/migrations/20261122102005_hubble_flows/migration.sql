-- CreateTable
CREATE TABLE "metering"."flow_counts" (
    "minute" TIMESTAMPTZ(6) NOT NULL,
    "namespace" TEXT NOT NULL,
    "flow_class" TEXT NOT NULL,
    "flows" BIGINT NOT NULL,

    CONSTRAINT "flow_counts_pkey" PRIMARY KEY ("minute","namespace","flow_class")
);

-- Hand-written: whole minutes, known classes, counts never negative.
ALTER TABLE "metering"."flow_counts"
  ADD CONSTRAINT "flow_counts_whole_minute" CHECK (date_trunc('minute', "minute", 'UTC') = "minute"),
  ADD CONSTRAINT "flow_counts_class" CHECK ("flow_class" IN ('world-egress', 'world-ingress', 'in-cluster')),
  ADD CONSTRAINT "flow_counts_flows" CHECK ("flows" >= 0);
