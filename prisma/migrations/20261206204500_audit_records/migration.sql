-- The audit trail of actions by a person (issue 14): one row per action, written in the action's
-- own database transaction (or from another service's outbox), never changed afterwards.

-- CreateEnum
CREATE TYPE "account"."AuditKind" AS ENUM ('BALANCE_ADJUSTED', 'CREDIT_GRANTED', 'RECHARGE_REFUNDED', 'INVOICE_VOIDED', 'INVOICE_REISSUED', 'NAMESPACE_SUSPENDED', 'NAMESPACE_RESUMED');

-- CreateTable
CREATE TABLE "account"."audit_records" (
    "id" BIGSERIAL NOT NULL,
    "action_key" TEXT NOT NULL,
    "kind" "account"."AuditKind" NOT NULL,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT,
    "tenant_id" UUID NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "request_id" TEXT,
    "amount_micros" BIGINT,
    "currency" CHAR(3),
    "transaction_id" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_records_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "audit_records_action_key_key" ON "account"."audit_records"("action_key");

-- CreateIndex
CREATE INDEX "audit_records_tenant_id_id_idx" ON "account"."audit_records"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "audit_records_actor_id_id_idx" ON "account"."audit_records"("actor_id", "id");

-- CreateIndex
CREATE INDEX "audit_records_kind_id_idx" ON "account"."audit_records"("kind", "id");

-- Written by hand: the trail is append-only, as the ledger is.
CREATE FUNCTION "account"."audit_records_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit records are never changed or deleted';
END $$;
CREATE TRIGGER "audit_records_append_only" BEFORE UPDATE OR DELETE ON "account"."audit_records"
  FOR EACH ROW EXECUTE FUNCTION "account"."audit_records_append_only"();
