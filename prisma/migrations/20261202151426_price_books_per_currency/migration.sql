-- DropIndex
DROP INDEX "billing"."price_books_version_key";

-- DropIndex
DROP INDEX "billing"."price_books_effective_from_key";

-- CreateIndex
CREATE UNIQUE INDEX "price_books_currency_version_key" ON "billing"."price_books"("currency", "version");

-- CreateIndex
CREATE UNIQUE INDEX "price_books_currency_effective_from_key" ON "billing"."price_books"("currency", "effective_from");

-- ───────────── hand-written ─────────────

-- Each currency has its own book: versions count from 1 and take effect in order per currency.
-- The seeded USD version 1 stays exactly as it was (version 1 of USD, in force since the epoch).
ALTER TABLE "billing".price_books ADD CONSTRAINT price_books_currency_code
  CHECK (currency ~ '^[A-Z]{3}$');
