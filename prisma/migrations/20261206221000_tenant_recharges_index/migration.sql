-- A tenant's recharges, newest first and paged by cursor (issue 14): the finance tenant page.

-- CreateIndex
CREATE INDEX "recharges_tenant_id_created_at_id_idx" ON "billing"."recharges"("tenant_id", "created_at" DESC, "id" DESC);
