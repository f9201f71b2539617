-- Debt notices and wallet.state_changed webhooks go out in the order of the wallet's
-- transitions: each transition is numbered per wallet, and each channel records per key the
-- highest number it delivered (libs/queue/src/sequence-gate.ts).
-- AlterEnum
ALTER TYPE "billing"."WebhookDeliveryStatus" ADD VALUE 'SUPERSEDED';

-- AlterTable
ALTER TABLE "billing"."webhook_deliveries" ADD COLUMN     "order_key" TEXT,
ADD COLUMN     "sequence" INTEGER;

-- AlterTable (edited: the transitions recorded so far are numbered in the order they were
-- recorded, with the append-only trigger off for that one UPDATE)
ALTER TABLE "metering"."debt_transitions" ADD COLUMN     "sequence" INTEGER;
ALTER TABLE "metering"."debt_transitions" DISABLE TRIGGER debt_transitions_append_only;
UPDATE "metering"."debt_transitions" t SET "sequence" = n.sequence
  FROM (SELECT id, row_number() OVER (PARTITION BY wallet_id ORDER BY id) AS sequence
          FROM "metering"."debt_transitions") n
 WHERE t.id = n.id;
ALTER TABLE "metering"."debt_transitions" ENABLE TRIGGER debt_transitions_append_only;
ALTER TABLE "metering"."debt_transitions" ALTER COLUMN "sequence" SET NOT NULL;

-- AlterTable
ALTER TABLE "metering"."wallet_debt" ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "metering"."delivery_sequences" (
    "key" TEXT NOT NULL,
    "delivered_sequence" INTEGER NOT NULL DEFAULT 0,
    "sending_sequence" INTEGER,
    "lease_until" TIMESTAMPTZ(6),

    CONSTRAINT "delivery_sequences_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "billing"."delivery_sequences" (
    "key" TEXT NOT NULL,
    "delivered_sequence" INTEGER NOT NULL DEFAULT 0,
    "sending_sequence" INTEGER,
    "lease_until" TIMESTAMPTZ(6),

    CONSTRAINT "delivery_sequences_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "debt_transitions_wallet_id_sequence_key" ON "metering"."debt_transitions"("wallet_id", "sequence");

-- Hand-written: wallets go on from their last number, and the notices of transitions recorded
-- before count as sent.
UPDATE "metering"."wallet_debt" d SET "sequence" = t.last
  FROM (SELECT wallet_id, max("sequence") AS last FROM "metering"."debt_transitions"
         GROUP BY wallet_id) t
 WHERE d.wallet_id = t.wallet_id;
INSERT INTO "metering"."delivery_sequences" (key, delivered_sequence)
SELECT 'mail/wallet:' || wallet_id, max("sequence") FROM "metering"."debt_transitions"
 GROUP BY wallet_id;
