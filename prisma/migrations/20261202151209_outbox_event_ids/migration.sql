-- Outbox events get an identity of their own for BullMQ job ids: row ids restart in a fresh or
-- restored database, and BullMQ silently drops a new job whose id it still holds (completed jobs
-- are kept for a day). Existing rows get one too.
-- AlterTable
ALTER TABLE "account"."outbox" ADD COLUMN     "event_id" UUID NOT NULL DEFAULT gen_random_uuid();

-- AlterTable
ALTER TABLE "billing"."outbox" ADD COLUMN     "event_id" UUID NOT NULL DEFAULT gen_random_uuid();

-- AlterTable
ALTER TABLE "metering"."outbox" ADD COLUMN     "event_id" UUID NOT NULL DEFAULT gen_random_uuid();
