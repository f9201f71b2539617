-- The finance back office's read pages (issue 14): the overview's daily totals and the debt
-- board, each read through an index.

-- A day's entries and transactions: both are appended in time order, so a BRIN index (a few
-- pages for the whole table, next to nothing per insert) finds the blocks of a day. A range of
-- pages not summarized yet matches every search: autosummarize has autovacuum summarize each
-- range soon after it fills, so only the newest pages (today's) are read without a summary.
CREATE INDEX "ledger_entries_created_at_idx" ON "account"."ledger_entries" USING BRIN ("created_at")
  WITH (autosummarize = on);
CREATE INDEX "ledger_transactions_created_at_idx" ON "account"."ledger_transactions" USING BRIN ("created_at")
  WITH (autosummarize = on);

-- Closed days' wallet movements per currency and kind (LedgerDayTotals).
CREATE TABLE "account"."ledger_day_totals" (
    "day" DATE NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "amount_micros" BIGINT NOT NULL,
    "transactions" INTEGER NOT NULL,

    CONSTRAINT "ledger_day_totals_pkey" PRIMARY KEY ("currency","day","kind")
);

CREATE TABLE "account"."ledger_rolled_up_days" (
    "day" DATE NOT NULL,
    "rolled_up_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_rolled_up_days_pkey" PRIMARY KEY ("day")
);

-- The debt board: a state's wallets, longest in it first, a page after (since, wallet).
CREATE INDEX "wallet_debt_state_since_wallet_id_idx" ON "metering"."wallet_debt"("state", "since", "wallet_id");
