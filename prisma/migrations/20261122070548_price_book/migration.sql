-- CreateEnum
CREATE TYPE "billing"."Resource" AS ENUM ('CPU', 'MEMORY', 'STORAGE', 'GPU', 'NETWORK_EGRESS', 'NODEPORT');

-- CreateTable
CREATE TABLE "billing"."price_books" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "effective_from" TIMESTAMPTZ(6) NOT NULL,
    "created_by" TEXT,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "price_books_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."prices" (
    "price_book_id" UUID NOT NULL,
    "resource" "billing"."Resource" NOT NULL,
    "unit" TEXT NOT NULL,
    "price_per_unit_hour_micros" BIGINT NOT NULL,
    "scale" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "prices_pkey" PRIMARY KEY ("price_book_id","resource")
);

-- CreateIndex
CREATE UNIQUE INDEX "price_books_version_key" ON "billing"."price_books"("version");

-- CreateIndex
CREATE UNIQUE INDEX "price_books_effective_from_key" ON "billing"."price_books"("effective_from");

-- AddForeignKey
ALTER TABLE "billing"."prices" ADD CONSTRAINT "prices_price_book_id_fkey" FOREIGN KEY ("price_book_id") REFERENCES "billing"."price_books"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ───────────── hand-written: checks, seed, append-only ─────────────

ALTER TABLE "billing".price_books ADD CONSTRAINT price_books_version_positive
  CHECK (version >= 1);
ALTER TABLE "billing".prices ADD CONSTRAINT prices_price_non_negative
  CHECK (price_per_unit_hour_micros >= 0);
-- The true price is price_per_unit_hour_micros × 10^-scale micro-units; six more digits
-- (a millionth of a micro-unit) is finer than any resource is sold at.
ALTER TABLE "billing".prices ADD CONSTRAINT prices_scale_range
  CHECK (scale BETWEEN 0 AND 6);

-- Version 1, in force since the epoch, so every hour ever metered has a price.
WITH v1 AS (
  INSERT INTO "billing".price_books (id, version, currency, effective_from, reason)
  VALUES (gen_random_uuid(), 1, 'USD', '1970-01-01T00:00:00Z', 'default price table')
  RETURNING id
)
INSERT INTO "billing".prices (price_book_id, resource, unit, price_per_unit_hour_micros, scale)
SELECT v1.id, p.resource::"billing"."Resource", p.unit, p.micros, 0
  FROM v1, (VALUES
    ('CPU', 'core-hour', 30000),
    ('MEMORY', 'GiB-hour', 4000),
    ('STORAGE', 'GiB-hour', 100),
    ('GPU', 'gpu-hour', 900000),
    ('NETWORK_EGRESS', 'GiB', 80000),
    ('NODEPORT', 'port-hour', 1000)
  ) AS p (resource, unit, micros);

-- Price books are append-only: an hour already charged must keep the prices it was charged
-- at, so a change is a new version effective from a later instant, never an edit.
CREATE FUNCTION "billing".refuse_price_book_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'price books are append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER price_books_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "billing".price_books
  FOR EACH STATEMENT EXECUTE FUNCTION "billing".refuse_price_book_change();
CREATE TRIGGER prices_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "billing".prices
  FOR EACH STATEMENT EXECUTE FUNCTION "billing".refuse_price_book_change();
