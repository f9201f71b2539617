-- Sampling an hour is all or nothing per resource: a resource's minute samples and its row here
-- commit in one transaction, and an hour is frozen only once every resource of its source has one
-- (apps/metering/src/settlement/sample-hour.ts).
-- CreateTable
CREATE TABLE "metering"."sampled_resources" (
    "source" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(6) NOT NULL,
    "resource" TEXT NOT NULL,
    "samples" INTEGER NOT NULL,
    "sampled_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sampled_resources_pkey" PRIMARY KEY ("source","hour","resource")
);
