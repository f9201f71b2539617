-- Expiring promotional credit (issue 13): grants with what is left of them, and what each
-- ledger transaction drew from them.
-- CreateEnum
CREATE TYPE "account"."CreditSource" AS ENUM ('BONUS', 'GRANT');

-- CreateTable
CREATE TABLE "account"."credit_grants" (
    "id" UUID NOT NULL,
    "wallet_id" UUID NOT NULL,
    "transaction_id" UUID NOT NULL,
    "source" "account"."CreditSource" NOT NULL,
    "amount_micros" BIGINT NOT NULL,
    "remaining_micros" BIGINT NOT NULL,
    "expired_micros" BIGINT NOT NULL DEFAULT 0,
    "reason" TEXT,
    "expires_at" TIMESTAMPTZ(6) NOT NULL,
    "expired_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_grants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account"."credit_draws" (
    "id" BIGSERIAL NOT NULL,
    "grant_id" UUID NOT NULL,
    "transaction_id" UUID NOT NULL,
    "amount_micros" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_draws_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "credit_grants_transaction_id_key" ON "account"."credit_grants"("transaction_id");

-- CreateIndex
CREATE INDEX "credit_grants_wallet_id_idx" ON "account"."credit_grants"("wallet_id");

-- CreateIndex
CREATE INDEX "credit_draws_grant_id_idx" ON "account"."credit_draws"("grant_id");

-- CreateIndex
CREATE INDEX "credit_draws_transaction_id_idx" ON "account"."credit_draws"("transaction_id");

-- ── Hand-written ──

ALTER TABLE "account".credit_grants ADD CONSTRAINT credit_grants_amounts
  CHECK (amount_micros > 0 AND remaining_micros >= 0 AND expired_micros >= 0
         AND remaining_micros + expired_micros <= amount_micros);
-- Expired once: the remainder left with the expiry, and nothing was left behind.
ALTER TABLE "account".credit_grants ADD CONSTRAINT credit_grants_expired_once
  CHECK ((expired_at IS NULL AND expired_micros = 0) OR (expired_at IS NOT NULL AND remaining_micros = 0));
ALTER TABLE "account".credit_draws ADD CONSTRAINT credit_draws_positive CHECK (amount_micros > 0);

-- The draw order (a wallet's open grants, the one that expires first first), and the expiry
-- job's due grants. Partial: spent and expired grants, most rows in time, are never read so.
CREATE INDEX credit_grants_open_idx ON "account".credit_grants (wallet_id, expires_at, id)
  WHERE remaining_micros > 0;
CREATE INDEX credit_grants_due_idx ON "account".credit_grants (expires_at, id)
  WHERE expired_at IS NULL;

-- Promotional credit is spent before paid money, the grant that expires first first, in the
-- posting's own database transaction: a grant's remaining amount moves with the balance it is
-- part of, never apart (once per INSERT statement of entries, as the zero-sum check runs).
--   - usage, usage_adjustment and bonus_clawback debits draw from the open grants first;
--   - any other debit (a transfer, a refund, a debit adjustment, an expiry) is paid money
--     first and draws only what paid money cannot cover, so a wallet's open credit never
--     exceeds its balance.
-- Credit into a wallet draws nothing (a grant's own row is written after its posting).
-- The balance it starts from is the row's before this statement: post_transactions inserts
-- entries before it updates balances (test/ledger/credit-draws.test.ts checks the overdraw).
-- Wallets are locked before grants, as post_transactions, grant writes and the expiry job lock
-- them, so two transactions never wait on each other in opposite orders.
CREATE FUNCTION "account".draw_credit_grants() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  w record;
  e record;
  g record;
  balance bigint;
  open_credit bigint;
  need bigint;
  take bigint;
BEGIN
  -- The debited wallets are locked first, in id order (post_transactions locks them anyway; a
  -- wallet this transaction holds already costs a lookup): a grant being written to one of them
  -- is then committed and seen, or not begun. Without it a charge racing a new grant would
  -- spend paid money the grant leaves behind, and open credit would exceed the balance.
  PERFORM 1 FROM "account".wallets
   WHERE id IN (SELECT n.wallet_id FROM new_entries n
                 WHERE n.wallet_id IS NOT NULL AND n.amount_micros < 0)
   ORDER BY id FOR NO KEY UPDATE;
  -- Most postings touch no wallet with open credit: one probe of a small partial index.
  IF NOT EXISTS (SELECT 1 FROM "account".credit_grants WHERE remaining_micros > 0) THEN
    RETURN NULL;
  END IF;
  FOR w IN
    SELECT DISTINCT n.wallet_id FROM new_entries n
     WHERE n.wallet_id IS NOT NULL AND n.amount_micros < 0
       AND EXISTS (SELECT 1 FROM "account".credit_grants c
                    WHERE c.wallet_id = n.wallet_id AND c.remaining_micros > 0)
     ORDER BY n.wallet_id
  LOOP
    SELECT balance_micros INTO balance FROM "account".wallets WHERE id = w.wallet_id;
    SELECT coalesce(sum(remaining_micros), 0) INTO open_credit FROM "account".credit_grants
     WHERE wallet_id = w.wallet_id AND remaining_micros > 0;
    FOR e IN
      SELECT n.transaction_id, n.amount_micros, t.kind
        FROM new_entries n JOIN "account".ledger_transactions t ON t.id = n.transaction_id
       WHERE n.wallet_id = w.wallet_id ORDER BY n.id
    LOOP
      balance := balance + e.amount_micros;
      CONTINUE WHEN e.amount_micros >= 0 OR open_credit = 0;
      IF e.kind IN ('usage', 'usage_adjustment', 'bonus_clawback') THEN
        need := least(-e.amount_micros, open_credit);
      ELSE
        need := greatest(open_credit - greatest(balance, 0), 0);
      END IF;
      open_credit := open_credit - need;
      FOR g IN
        SELECT id, remaining_micros FROM "account".credit_grants
         WHERE wallet_id = w.wallet_id AND remaining_micros > 0
         ORDER BY expires_at, id FOR UPDATE
      LOOP
        EXIT WHEN need = 0;
        take := least(need, g.remaining_micros);
        UPDATE "account".credit_grants SET remaining_micros = remaining_micros - take
         WHERE id = g.id;
        INSERT INTO "account".credit_draws (grant_id, transaction_id, amount_micros)
        VALUES (g.id, e.transaction_id, take);
        need := need - take;
      END LOOP;
    END LOOP;
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER ledger_entries_draw_credit
  AFTER INSERT ON "account".ledger_entries
  REFERENCING NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION "account".draw_credit_grants();
