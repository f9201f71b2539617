-- Spending caps (issue 13): a monthly cap on a workspace or a sub-account (account), and the
-- scopes whose month's spend reached theirs, suspended while their hold lasts (metering).
-- AlterTable
ALTER TABLE "account"."sub_accounts" ADD COLUMN     "spending_cap_micros" BIGINT;

-- AlterTable
ALTER TABLE "account"."workspaces" ADD COLUMN     "spending_cap_micros" BIGINT;

-- CreateTable
CREATE TABLE "metering"."spending_cap_holds" (
    "scope_id" UUID NOT NULL,
    "scope_kind" TEXT NOT NULL,
    "wallet_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "namespaces" TEXT[],
    "month" DATE NOT NULL,
    "cap_micros" BIGINT NOT NULL,
    "spent_micros" BIGINT NOT NULL,
    "since" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "spending_cap_holds_pkey" PRIMARY KEY ("scope_id")
);

-- CreateIndex
CREATE INDEX "spending_cap_holds_wallet_id_idx" ON "metering"."spending_cap_holds"("wallet_id");
