-- CreateEnum
CREATE TYPE "account"."MemberRole" AS ENUM ('OWNER', 'ADMIN', 'MEMBER');

-- CreateEnum
CREATE TYPE "account"."PlatformRole" AS ENUM ('FINANCE', 'PLATFORM_ADMIN');

-- CreateEnum
CREATE TYPE "account"."WalletKind" AS ENUM ('TENANT', 'SUB_ACCOUNT');

-- CreateEnum
CREATE TYPE "account"."DebtState" AS ENUM ('NORMAL', 'LOW_BALANCE', 'CRITICAL', 'SUSPENDED', 'RECLAIMED');

-- CreateEnum
CREATE TYPE "account"."NamespaceState" AS ENUM ('ACTIVE', 'SUSPENDING', 'SUSPENDED', 'RESUMING');

-- CreateTable
CREATE TABLE "account"."users" (
    "id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "email" TEXT,
    "platform_role" "account"."PlatformRole",
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account"."tenants" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tenants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account"."memberships" (
    "tenant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "account"."MemberRole" NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("tenant_id","user_id")
);

-- CreateTable
CREATE TABLE "account"."sub_accounts" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "monthly_budget_micros" BIGINT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sub_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account"."wallets" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "kind" "account"."WalletKind" NOT NULL,
    "sub_account_id" UUID,
    "currency" CHAR(3) NOT NULL,
    "balance_micros" BIGINT NOT NULL DEFAULT 0,
    "debt_state" "account"."DebtState" NOT NULL DEFAULT 'NORMAL',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wallets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account"."ledger_transactions" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "content_hash" CHAR(64) NOT NULL,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT,
    "reason" TEXT,
    "request_id" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_transactions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account"."ledger_entries" (
    "id" BIGSERIAL NOT NULL,
    "transaction_id" UUID NOT NULL,
    "wallet_id" UUID,
    "account" TEXT NOT NULL,
    "amount_micros" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("transaction_id","id")
);

-- CreateTable
CREATE TABLE "account"."workspaces" (
    "id" UUID NOT NULL,
    "namespace" TEXT NOT NULL,
    "tenant_id" UUID NOT NULL,
    "sub_account_id" UUID,
    "wallet_id" UUID NOT NULL,
    "state" "account"."NamespaceState" NOT NULL DEFAULT 'ACTIVE',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workspaces_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account"."api_keys" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secret_hash" CHAR(64) NOT NULL,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(6),
    "revoked_at" TIMESTAMPTZ(6),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account"."budget_top_ups" (
    "sub_account_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "budget_micros" BIGINT NOT NULL,
    "moved_micros" BIGINT NOT NULL,
    "shortfall_micros" BIGINT NOT NULL,
    "transaction_id" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "budget_top_ups_pkey" PRIMARY KEY ("sub_account_id","month")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_external_id_key" ON "account"."users"("external_id");

-- CreateIndex
CREATE INDEX "memberships_user_id_idx" ON "account"."memberships"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "sub_accounts_tenant_id_name_key" ON "account"."sub_accounts"("tenant_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "wallets_sub_account_id_key" ON "account"."wallets"("sub_account_id");

-- CreateIndex
CREATE INDEX "wallets_tenant_id_idx" ON "account"."wallets"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_transactions_idempotency_key_key" ON "account"."ledger_transactions"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "workspaces_namespace_key" ON "account"."workspaces"("namespace");

-- CreateIndex
CREATE INDEX "workspaces_tenant_id_idx" ON "account"."workspaces"("tenant_id");

-- CreateIndex
CREATE INDEX "workspaces_wallet_id_idx" ON "account"."workspaces"("wallet_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_secret_hash_key" ON "account"."api_keys"("secret_hash");

-- CreateIndex
CREATE INDEX "api_keys_tenant_id_idx" ON "account"."api_keys"("tenant_id");

-- AddForeignKey
ALTER TABLE "account"."memberships" ADD CONSTRAINT "memberships_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "account"."tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account"."memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "account"."users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account"."sub_accounts" ADD CONSTRAINT "sub_accounts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "account"."tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account"."wallets" ADD CONSTRAINT "wallets_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "account"."tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account"."wallets" ADD CONSTRAINT "wallets_sub_account_id_fkey" FOREIGN KEY ("sub_account_id") REFERENCES "account"."sub_accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account"."workspaces" ADD CONSTRAINT "workspaces_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "account"."tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account"."workspaces" ADD CONSTRAINT "workspaces_sub_account_id_fkey" FOREIGN KEY ("sub_account_id") REFERENCES "account"."sub_accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account"."workspaces" ADD CONSTRAINT "workspaces_wallet_id_fkey" FOREIGN KEY ("wallet_id") REFERENCES "account"."wallets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account"."api_keys" ADD CONSTRAINT "api_keys_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "account"."tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- ─── Ledger rules Prisma cannot express ───────────────────────────────────────────────

-- Pages of a wallet's entries. Partial: system-account entries, most of the rows, are never
-- paged by wallet and stay out of it.
CREATE INDEX ledger_entries_wallet_page_idx ON "account".ledger_entries (wallet_id, id)
  WHERE wallet_id IS NOT NULL;

-- Time-ordered UUIDs (version 7): new rows land at the right edge of the primary-key and
-- transaction-id indexes instead of on random pages.
CREATE FUNCTION "account".uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
              PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
              FROM 1 FOR 6),
      52, 1), 53, 1),
    'hex')::uuid
$$;

-- Entries of a transaction are inserted by one statement and must sum to zero, and must
-- point at an existing transaction and (for wallet entries) an existing wallet. These are
-- checked once per statement over all new rows: per-row foreign-key checks would cost more
-- than the rest of a batch insert.
CREATE FUNCTION "account".check_entries_balance() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  problem text;
BEGIN
  -- One pass: per transaction its sum, its size and whether it exists; then wallets.
  WITH per_tx AS (
    SELECT transaction_id, sum(amount_micros) AS total, count(*) AS entries
      FROM new_entries GROUP BY transaction_id
  )
  SELECT CASE
           WHEN EXISTS (SELECT 1 FROM per_tx WHERE total <> 0)
             THEN 'a ledger transaction does not balance to zero'
           WHEN EXISTS (SELECT 1 FROM per_tx WHERE entries < 2)
             THEN 'a ledger transaction needs at least two entries'
           WHEN EXISTS (SELECT 1 FROM per_tx p WHERE NOT EXISTS
                          (SELECT 1 FROM "account".ledger_transactions t WHERE t.id = p.transaction_id))
             THEN 'a ledger entry refers to a missing transaction'
           WHEN EXISTS (SELECT 1 FROM new_entries e WHERE e.wallet_id IS NOT NULL AND NOT EXISTS
                          (SELECT 1 FROM "account".wallets w WHERE w.id = e.wallet_id))
             THEN 'a ledger entry refers to a missing wallet'
         END INTO problem;
  IF problem LIKE '%missing%' THEN
    RAISE EXCEPTION '%', problem USING ERRCODE = 'foreign_key_violation';
  ELSIF problem IS NOT NULL THEN
    RAISE EXCEPTION '%', problem USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER ledger_entries_balance
  AFTER INSERT ON "account".ledger_entries
  REFERENCING NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION "account".check_entries_balance();

-- The ledger is append-only: corrections are new, reversing transactions.
CREATE FUNCTION "account".refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the ledger is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER ledger_entries_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "account".ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION "account".refuse_ledger_change();
CREATE TRIGGER ledger_transactions_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "account".ledger_transactions
  FOR EACH STATEMENT EXECUTE FUNCTION "account".refuse_ledger_change();

ALTER TABLE "account".ledger_entries ADD CONSTRAINT ledger_entries_amount_nonzero
  CHECK (amount_micros <> 0);
ALTER TABLE "account".ledger_entries ADD CONSTRAINT ledger_entries_wallet_account
  CHECK ((wallet_id IS NULL) = (account LIKE 'system:%'));

-- Posts a batch of transactions in one round trip. Each transaction is identified by its
-- idempotency key: a key already in the ledger is not posted again, and the caller gets
-- back, per key, the transaction id, whether it was new, and the stored content hash (so
-- it can tell a replay from a conflicting reuse of the key).
--   p_line_tx: for each entry, the 1-based position of its transaction in p_keys.
--   p_enforce_floor: refuse (SQLSTATE TL422) if a wallet debited here ends below zero.
-- Wallet rows are locked in id order before they change, so concurrent postings over the
-- same wallets queue instead of deadlocking, and postings on other wallets never wait.
-- Keys are inserted in sorted order for the same reason.
CREATE FUNCTION "account".post_transactions(
  p_keys text[], p_kinds text[], p_hashes text[], p_reasons text[],
  p_actor_type text, p_actor_id text, p_request_id text,
  p_line_tx int[], p_line_wallets uuid[], p_line_accounts text[], p_line_amounts bigint[],
  p_enforce_floor boolean
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
    SELECT * FROM unnest(p_keys, p_kinds, p_hashes, p_reasons) WITH ORDINALITY
      AS i(key, kind, hash, reason, ord)
  ), inserted AS (
    INSERT INTO "account".ledger_transactions AS t
      (id, kind, idempotency_key, content_hash, actor_type, actor_id, reason, request_id)
    SELECT "account".uuid_v7(), kind, key, hash, p_actor_type, p_actor_id, reason, p_request_id
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

-- A wallet belongs to a sub-account exactly when it is a sub-account wallet, and a tenant
-- has one wallet of its own.
ALTER TABLE "account".wallets ADD CONSTRAINT wallets_kind_matches_owner
  CHECK ((kind = 'SUB_ACCOUNT') = (sub_account_id IS NOT NULL));
CREATE UNIQUE INDEX wallets_one_per_tenant ON "account".wallets (tenant_id) WHERE kind = 'TENANT';

-- Kubernetes namespace names: DNS-1123 labels.
ALTER TABLE "account".workspaces ADD CONSTRAINT workspaces_namespace_dns1123
  CHECK (namespace ~ '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$');
