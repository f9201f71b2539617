-- AlterTable
ALTER TABLE "account"."ledger_transactions" ADD COLUMN     "usage_hour" TIMESTAMPTZ(6);

-- ── Hand-written ──

-- Usage posted before this migration: the hour is the third field of its key,
-- `charge:<namespace>:<hour>` or `recon:<namespace>:<hour>:<n>` (namespaces are DNS labels, so
-- the hour starts after the second colon). A key of another shape keeps a null hour, and
-- statements count such a transaction by the hour it was posted in. The ledger refuses every
-- UPDATE, so the back-fill lifts that trigger inside this migration's transaction only.
ALTER TABLE "account".ledger_transactions DISABLE TRIGGER ledger_transactions_append_only;
UPDATE "account".ledger_transactions
   SET usage_hour = substring(idempotency_key
                              FROM '^(?:charge|recon):[^:]+:(\d{4}-\d\d-\d\dT\d\d:00:00(?:\.0+)?Z)(?::\d+)?$')::timestamptz
 WHERE kind IN ('usage', 'usage_adjustment')
   AND idempotency_key ~ '^(?:charge|recon):[^:]+:\d{4}-\d\d-\d\dT\d\d:00:00(?:\.0+)?Z(?::\d+)?$';
ALTER TABLE "account".ledger_transactions ENABLE TRIGGER ledger_transactions_append_only;

-- The posting function takes the usage hour of each transaction (p_usage_hours, in the order
-- of p_keys; null for kinds other than usage). The only change to the function of
-- 20261122065211_accounts_and_ledger: that parameter, and the column in the one INSERT of
-- ledger_transactions. Adding a parameter changes the signature, so the old one is dropped.
DROP FUNCTION "account".post_transactions(
  text[], text[], text[], text[], text, text, text, int[], uuid[], text[], bigint[], boolean);

-- Posts a batch of transactions in one round trip. Each transaction is identified by its
-- idempotency key: a key already in the ledger is not posted again, and the caller gets
-- back, per key, the transaction id, whether it was new, and the stored content hash (so
-- it can tell a replay from a conflicting reuse of the key).
--   p_line_tx: for each entry, the 1-based position of its transaction in p_keys.
--   p_enforce_floor: refuse (SQLSTATE TL422) if a wallet debited here ends below zero.
--   p_usage_hours: per transaction, the hour a usage charge is for (null for other kinds).
-- Wallet rows are locked in id order before they change, so concurrent postings over the
-- same wallets queue instead of deadlocking, and postings on other wallets never wait.
-- Keys are inserted in sorted order for the same reason.
CREATE FUNCTION "account".post_transactions(
  p_keys text[], p_kinds text[], p_hashes text[], p_reasons text[],
  p_actor_type text, p_actor_id text, p_request_id text,
  p_line_tx int[], p_line_wallets uuid[], p_line_accounts text[], p_line_amounts bigint[],
  p_enforce_floor boolean, p_usage_hours timestamptz[]
) RETURNS TABLE (idempotency_key text, transaction_id uuid, created boolean, content_hash text)
LANGUAGE plpgsql
-- Plans inside a function are generic: they cannot see that the arrays hold a handful of
-- wallets, and pick sequential scans of a wallets table full of dead row versions (every
-- posting updates a balance). Index lookups are right at every batch size we send.
SET enable_seqscan = off
AS $$
#variable_conflict use_column
DECLARE
  new_ords bigint[];
  new_ids uuid[];
  wallet_ids uuid[];
  wallet_deltas bigint[];
  balances bigint[];
  short_wallet uuid;
BEGIN
  WITH input AS (
    SELECT * FROM unnest(p_keys, p_kinds, p_hashes, p_reasons, p_usage_hours) WITH ORDINALITY
      AS i(key, kind, hash, reason, usage_hour, ord)
  ), inserted AS (
    INSERT INTO "account".ledger_transactions AS t
      (id, kind, idempotency_key, content_hash, actor_type, actor_id, reason, request_id, usage_hour)
    SELECT "account".uuid_v7(), kind, key, hash, p_actor_type, p_actor_id, reason, p_request_id,
           usage_hour
      FROM input ORDER BY key
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING t.id, t.idempotency_key
  )
  SELECT array_agg(input.ord), array_agg(inserted.id) INTO new_ords, new_ids
    FROM inserted JOIN input ON input.key = inserted.idempotency_key;

  IF new_ids IS NOT NULL THEN
    SELECT array_agg(wallet_id ORDER BY wallet_id), array_agg(delta ORDER BY wallet_id)
      INTO wallet_ids, wallet_deltas
      FROM (SELECT l.wallet_id, sum(l.amount)::bigint AS delta
              FROM unnest(p_line_tx, p_line_wallets, p_line_amounts) AS l(tx, wallet_id, amount)
              JOIN unnest(new_ords) AS p(ord) ON p.ord = l.tx
             WHERE l.wallet_id IS NOT NULL
             GROUP BY l.wallet_id) d;

    -- One wallet needs no ordering; several are locked in id order first, because an
    -- UPDATE ... FROM takes its row locks in whatever order its join produces.
    IF array_length(wallet_ids, 1) > 1 THEN
      PERFORM 1 FROM "account".wallets WHERE id = ANY (wallet_ids) ORDER BY id FOR NO KEY UPDATE;
    END IF;

    INSERT INTO "account".ledger_entries (transaction_id, wallet_id, account, amount_micros)
    SELECT p.id, l.wallet_id, l.account, l.amount
      FROM unnest(p_line_tx, p_line_wallets, p_line_accounts, p_line_amounts)
        AS l(tx, wallet_id, account, amount)
      JOIN unnest(new_ords, new_ids) AS p(ord, id) ON p.ord = l.tx;

    IF wallet_ids IS NOT NULL THEN
      WITH updated AS (
        UPDATE "account".wallets w SET balance_micros = w.balance_micros + d.delta
          FROM unnest(wallet_ids, wallet_deltas) AS d(wallet_id, delta)
         WHERE w.id = d.wallet_id
        RETURNING w.id, w.balance_micros
      )
      SELECT array_agg(u.balance_micros ORDER BY u.id) INTO balances FROM updated u;

      IF p_enforce_floor THEN
        SELECT b.wallet_id INTO short_wallet
          FROM unnest(wallet_ids, wallet_deltas, balances) AS b(wallet_id, delta, balance)
         WHERE b.delta < 0 AND b.balance < 0 LIMIT 1;
        IF short_wallet IS NOT NULL THEN
          RAISE EXCEPTION 'wallet % has insufficient funds', short_wallet USING ERRCODE = 'TL422';
        END IF;
      END IF;

      INSERT INTO "account".outbox (topic, payload)
      SELECT 'ledger.changed', jsonb_build_object('walletId', b.wallet_id, 'balanceMicros', b.balance::text)
        FROM unnest(wallet_ids, balances) AS b(wallet_id, balance);
    END IF;

    IF array_length(new_ids, 1) = array_length(p_keys, 1) THEN
      -- Everything was new: the answer is in hand.
      RETURN QUERY
        SELECT i.key, p.id, true, i.hash
          FROM unnest(p_keys, p_hashes) WITH ORDINALITY AS i(key, hash, ord)
          JOIN unnest(new_ords, new_ids) AS p(ord, id) ON p.ord = i.ord;
      RETURN;
    END IF;
  END IF;

  -- Some or all keys were posted before: those come back as stored.
  RETURN QUERY
    SELECT t.idempotency_key, t.id, t.id = ANY (coalesce(new_ids, '{}')), t.content_hash::text
      FROM unnest(p_keys) AS k(key)
      JOIN "account".ledger_transactions t ON t.idempotency_key = k.key;
END $$;
