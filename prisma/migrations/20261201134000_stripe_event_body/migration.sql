-- A Stripe event is kept as the exact text Stripe signed, not as jsonb: storing it costs
-- Postgres no parse on the webhook's hot path, and no valid event can be refused by jsonb's
-- own limits (a \u0000 escape, for one). Rows from before keep jsonb's rendering of their JSON.
ALTER TABLE "billing"."stripe_events" RENAME COLUMN "payload" TO "body";
ALTER TABLE "billing"."stripe_events" ALTER COLUMN "body" TYPE TEXT USING "body"::text;
