-- Settlement prices each namespace with the book of its wallet's currency: an hour records
-- the book used per currency, and each frozen charge its currency. Hours frozen before this
-- were priced with one book, kept as the one entry of `price_books`; their charges were all
-- priced in that book's currency.

-- AlterTable
ALTER TABLE "metering"."settled_hours"
ADD COLUMN     "price_books" JSONB,
ADD COLUMN     "unpriced" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "metering"."usage_charges" ADD COLUMN     "currency" CHAR(3);

-- ───────────── hand-written: carry frozen hours over, then drop the one-book columns ─────────────

UPDATE "metering"."settled_hours"
   SET price_books = jsonb_build_array(jsonb_build_object(
         'currency', currency, 'id', price_book_id, 'version', price_book_version));

UPDATE "metering"."usage_charges" c
   SET currency = s.currency
  FROM "metering"."settled_hours" s
 WHERE s.hour = c.hour;
-- Leftovers of a freeze that crashed before its hour row: cleared by the next freeze anyway.
DELETE FROM "metering"."usage_charges" WHERE currency IS NULL;

ALTER TABLE "metering"."settled_hours" ALTER COLUMN "price_books" SET NOT NULL;
ALTER TABLE "metering"."usage_charges" ALTER COLUMN "currency" SET NOT NULL;

ALTER TABLE "metering"."settled_hours" DROP COLUMN "currency",
DROP COLUMN "price_book_id",
DROP COLUMN "price_book_version";
