-- Finance's tenant search (issue 14): tenants by name, id, workspace namespace or member, in
-- name order. Every arm of the search has an index (TenantSearchRepository).

-- Written by hand: a GIN index with an operator class of an extension (schema.prisma models
-- it, `migrate diff` would not create the extension first).
-- A name matches as a case-insensitive substring (ILIKE '%text%'): trigrams. pg_trgm ships with
-- PostgreSQL and is a trusted extension (13+), so the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE INDEX "tenants_name_trgm_idx" ON "account"."tenants" USING gin ("name" public.gin_trgm_ops);

-- Written by hand: expression indexes, which Prisma cannot model.
-- The list in name order, case aside, a page after a (lower(name), id) position.
CREATE INDEX "tenants_lower_name_id_idx" ON "account"."tenants"(lower("name"), "id");
-- A namespace matches by its start in any case (lower(namespace) LIKE 'text%'); text_pattern_ops
-- serves LIKE whatever the database's collation.
CREATE INDEX "workspaces_namespace_prefix_idx" ON "account"."workspaces"(lower("namespace") text_pattern_ops);
-- A member matches by e-mail, case-insensitively.
CREATE INDEX "users_email_lower_idx" ON "account"."users"(lower("email"));
