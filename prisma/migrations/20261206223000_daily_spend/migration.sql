-- A tenant's spending per day (Tenant.dailySpend, issue 14) sums its wallets' charges and their
-- posted corrections over a range of hours. Charges have usage_charges(wallet_id, hour) already;
-- corrections were only keyed by namespace-hour.
CREATE INDEX "usage_adjustments_wallet_id_hour_idx" ON "metering"."usage_adjustments"("wallet_id", "hour");
