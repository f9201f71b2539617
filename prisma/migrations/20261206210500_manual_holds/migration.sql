-- Namespaces suspended by hand (issue 14): SuspensionReason MANUAL, beside DEBT and SPENDING_CAP.

-- CreateTable
CREATE TABLE "metering"."manual_holds" (
    "namespace" TEXT NOT NULL,
    "tenant_id" UUID NOT NULL,
    "wallet_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT,
    "since" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "manual_holds_pkey" PRIMARY KEY ("namespace")
);
