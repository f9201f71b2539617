-- ledger.changed names the kinds of the transactions that moved the wallet, so a consumer can
-- tell a settlement's usage charges (which the debt ladder has already seen as pending usage)
-- from money that really changes what a wallet has. The only change to the function of
-- 20261202151944_ledger_usage_hour: wallet_kinds, aggregated beside each wallet's delta, and
-- the `kinds` field of the event. The signature is the same, so the function is replaced.

CREATE OR REPLACE FUNCTION "account".post_transactions(
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
  wallet_kinds jsonb[];
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
    SELECT array_agg(wallet_id ORDER BY wallet_id), array_agg(delta ORDER BY wallet_id),
           array_agg(kinds ORDER BY wallet_id)
      INTO wallet_ids, wallet_deltas, wallet_kinds
      FROM (SELECT l.wallet_id, sum(l.amount)::bigint AS delta,
                   jsonb_agg(DISTINCT p_kinds[l.tx]) AS kinds
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
      SELECT 'ledger.changed', jsonb_build_object('walletId', b.wallet_id,
                                                  'balanceMicros', b.balance::text,
                                                  'kinds', b.kinds)
        FROM unnest(wallet_ids, balances, wallet_kinds) AS b(wallet_id, balance, kinds);
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
