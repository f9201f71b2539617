-- Expiring promotional credit (issue 13), the two gaps the README named:
--   - a refund's claw-back takes from its own recharge's bonus grant first: billing names the
--     bonus posting, the account service records the grant in credit_clawbacks (keyed by the
--     claw-back's idempotency key, in the posting's database transaction, before its entries),
--     and the draw trigger reads it;
--   - credit a transfer takes because paid money is short stays credit: the receiving wallet
--     gets one grant per grant drawn (moved_from_grant_id), with its source and expiry, in the
--     transfer's database transaction. A transaction may now hold several grants, so the
--     unique key is (transaction_id, moved_from_grant_id).

-- DropIndex
DROP INDEX "account"."credit_grants_transaction_id_key";

-- AlterTable
ALTER TABLE "account"."credit_grants" ADD COLUMN     "moved_from_grant_id" UUID;

-- CreateTable
CREATE TABLE "account"."credit_clawbacks" (
    "idempotency_key" TEXT NOT NULL,
    "grant_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_clawbacks_pkey" PRIMARY KEY ("idempotency_key")
);

-- CreateIndex
CREATE UNIQUE INDEX "credit_grants_transaction_id_moved_from_grant_id_key" ON "account"."credit_grants"("transaction_id", "moved_from_grant_id");

-- ── Hand-written ──

-- One grant per grant posting, as before: the unique key above lets nulls repeat.
CREATE UNIQUE INDEX credit_grants_posted_key ON "account".credit_grants (transaction_id)
  WHERE moved_from_grant_id IS NULL;

-- The function of 20261203140000_credit_grants, replaced (same signature, same trigger). The
-- only change: a bonus_clawback debit reads its own grant from credit_clawbacks and draws from
-- it first (the ORDER BY's first term); every other debit draws as before.
CREATE OR REPLACE FUNCTION "account".draw_credit_grants() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  w record;
  e record;
  g record;
  balance bigint;
  open_credit bigint;
  need bigint;
  take bigint;
  own uuid;
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
      SELECT n.transaction_id, n.amount_micros, t.kind, t.idempotency_key
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
      -- A claw-back takes from the bonus it claws back first (if that is this wallet's and still
      -- open), then by the rule; for every other debit `own` is null and the order is expiry's.
      own := NULL;
      IF e.kind = 'bonus_clawback' THEN
        SELECT c.grant_id INTO own FROM "account".credit_clawbacks c
         WHERE c.idempotency_key = e.idempotency_key;
      END IF;
      FOR g IN
        SELECT id, remaining_micros FROM "account".credit_grants
         WHERE wallet_id = w.wallet_id AND remaining_micros > 0
         ORDER BY id IS NOT DISTINCT FROM own DESC, expires_at, id FOR UPDATE
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
