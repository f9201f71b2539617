-- CreateEnum
CREATE TYPE "billing"."InvoiceStatus" AS ENUM ('DRAFT', 'ISSUED', 'VOID');

-- CreateEnum
CREATE TYPE "billing"."WebhookDeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "billing"."statements" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "period_start" TIMESTAMPTZ(6) NOT NULL,
    "period_end" TIMESTAMPTZ(6) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "opening_micros" BIGINT NOT NULL,
    "recharges_micros" BIGINT NOT NULL,
    "charges_micros" BIGINT NOT NULL,
    "adjustments_micros" BIGINT NOT NULL,
    "other_micros" BIGINT NOT NULL,
    "closing_micros" BIGINT NOT NULL,
    "figures" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "statements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."invoice_counters" (
    "year" INTEGER NOT NULL,
    "last_number" INTEGER NOT NULL,

    CONSTRAINT "invoice_counters_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "billing"."invoices" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "tenant_id" UUID NOT NULL,
    "statement_id" UUID NOT NULL,
    "period_start" TIMESTAMPTZ(6) NOT NULL,
    "period_end" TIMESTAMPTZ(6) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "total_micros" BIGINT NOT NULL,
    "status" "billing"."InvoiceStatus" NOT NULL,
    "issued_at" TIMESTAMPTZ(6) NOT NULL,
    "pdf" BYTEA NOT NULL,

    CONSTRAINT "invoices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."invoice_voids" (
    "invoice_id" UUID NOT NULL,
    "voided_by" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "voided_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invoice_voids_pkey" PRIMARY KEY ("invoice_id")
);

-- CreateTable
CREATE TABLE "billing"."webhook_endpoints" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "event_types" TEXT[],
    "secret" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(6),

    CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."webhook_deliveries" (
    "id" BIGSERIAL NOT NULL,
    "endpoint_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "event_type" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "billing"."WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(6),

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."webhook_delivery_attempts" (
    "id" BIGSERIAL NOT NULL,
    "delivery_id" BIGINT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "status_code" INTEGER,
    "duration_ms" INTEGER NOT NULL,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_delivery_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "statements_tenant_id_period_start_key" ON "billing"."statements"("tenant_id", "period_start");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_number_key" ON "billing"."invoices"("number");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_statement_id_key" ON "billing"."invoices"("statement_id");

-- CreateIndex
CREATE INDEX "invoices_tenant_id_period_start_idx" ON "billing"."invoices"("tenant_id", "period_start");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_year_sequence_key" ON "billing"."invoices"("year", "sequence");

-- CreateIndex
CREATE INDEX "webhook_endpoints_tenant_id_idx" ON "billing"."webhook_endpoints"("tenant_id");

-- CreateIndex
CREATE INDEX "webhook_deliveries_endpoint_id_id_idx" ON "billing"."webhook_deliveries"("endpoint_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_endpoint_id_event_id_key" ON "billing"."webhook_deliveries"("endpoint_id", "event_id");

-- CreateIndex
CREATE INDEX "webhook_delivery_attempts_delivery_id_id_idx" ON "billing"."webhook_delivery_attempts"("delivery_id", "id");

-- AddForeignKey
ALTER TABLE "billing"."invoices" ADD CONSTRAINT "invoices_statement_id_fkey" FOREIGN KEY ("statement_id") REFERENCES "billing"."statements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "billing"."invoice_voids" ADD CONSTRAINT "invoice_voids_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "billing"."invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "billing"."webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "billing"."webhook_endpoints"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "billing"."webhook_delivery_attempts" ADD CONSTRAINT "webhook_delivery_attempts_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "billing"."webhook_deliveries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ── Hand-written: what Prisma cannot express ──

-- A statement is a frozen copy of the ledger's figures for its period.
CREATE FUNCTION "billing".refuse_statement_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'statements are immutable: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER statements_immutable
  BEFORE UPDATE OR DELETE ON "billing".statements
  FOR EACH ROW EXECUTE FUNCTION "billing".refuse_statement_change();

-- An ISSUED invoice never changes, except that its status may move to VOID (and nothing else
-- in the same UPDATE). A VOID invoice never changes. Only drafts may be edited or deleted.
CREATE FUNCTION "billing".guard_invoice_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'DRAFT' THEN
      RAISE EXCEPTION 'invoice % is % and cannot be deleted', OLD.number, OLD.status
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'DRAFT' THEN
    RETURN NEW;
  END IF;
  IF OLD.status = 'ISSUED' AND NEW.status = 'VOID'
     AND (to_jsonb(NEW) - 'status') = (to_jsonb(OLD) - 'status') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'invoice % is % and immutable (only ISSUED -> VOID is allowed)', OLD.number, OLD.status
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER invoices_immutable_once_issued
  BEFORE UPDATE OR DELETE ON "billing".invoices
  FOR EACH ROW EXECUTE FUNCTION "billing".guard_invoice_change();

CREATE TRIGGER invoices_no_truncate
  BEFORE TRUNCATE ON "billing".invoices
  FOR EACH STATEMENT EXECUTE FUNCTION "billing".refuse_statement_change();

-- The void record is as permanent as the invoice it voids.
CREATE TRIGGER invoice_voids_immutable
  BEFORE UPDATE OR DELETE ON "billing".invoice_voids
  FOR EACH ROW EXECUTE FUNCTION "billing".refuse_statement_change();

ALTER TABLE "billing".invoices ADD CONSTRAINT invoices_number_matches
  CHECK (number = year::text || '-' || lpad(sequence::text, 6, '0') AND sequence > 0);
ALTER TABLE "billing".invoices ADD CONSTRAINT invoices_period_ordered
  CHECK (period_start < period_end);
ALTER TABLE "billing".statements ADD CONSTRAINT statements_period_ordered
  CHECK (period_start < period_end);
-- The statement's own arithmetic: opening + movements = closing.
ALTER TABLE "billing".statements ADD CONSTRAINT statements_tie_out
  CHECK (opening_micros + recharges_micros - charges_micros + adjustments_micros + other_micros
         = closing_micros);
