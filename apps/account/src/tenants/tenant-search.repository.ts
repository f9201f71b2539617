import { Injectable } from '@nestjs/common';
import { PrismaService } from '@tally/prisma';
import type { TenantView } from '@tally/transport';
import type { TenantPosition, TenantSearchTerms } from './tenant-search-input';

/**
 * Finding tenants for the finance back office in name order, case aside (lower(name), then id:
 * the same under any collation), a page after a position.
 * Every arm of the search is answered by an index (migration 20261204190000_tenant_search):
 * the name by a pg_trgm GIN index (ILIKE '%text%'), the id by the primary key, a namespace by
 * a lower(namespace) text_pattern_ops btree (LIKE 'text%'), a member by users' primary key, external_id and
 * lower(email); the listing without a search by the (lower(name), id) btree.
 * test/accounts/tenant-search.test.ts checks the plans with EXPLAIN.
 */
/** A tenant with its place in the order, which the next page starts after. */
export interface PlacedTenant {
  readonly tenant: TenantView;
  readonly position: TenantPosition;
}

/** The search as use cases see it (their specs hand them a fake of this). */
export interface ITenantSearchRepository {
  page(
    terms: TenantSearchTerms | null,
    after: TenantPosition | null,
    limit: number,
  ): Promise<PlacedTenant[]>;
}

@Injectable()
export class TenantSearchRepository implements ITenantSearchRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Up to `limit` tenants after `after`; callers ask one more than a page to learn if more follow. */
  async page(
    terms: TenantSearchTerms | null,
    after: TenantPosition | null,
    limit: number,
  ): Promise<PlacedTenant[]> {
    const { rows } =
      terms === null
        ? await this.prisma.pool.query<TenantRow>({
            name: 'tenants_page',
            text: LIST_SQL,
            values: [after?.name ?? null, after?.id ?? null, limit],
          })
        : await this.prisma.pool.query<TenantRow>({
            name: 'tenants_search_page',
            text: SEARCH_SQL,
            values: [...searchValues(terms), after?.name ?? null, after?.id ?? null, limit],
          });
    return rows.map((row) => ({
      tenant: { id: row.id, name: row.name, currency: row.currency, walletId: row.wallet_id },
      // Postgres's lower(), not JavaScript's: the next page compares with it.
      position: { name: row.sort_name, id: row.id },
    }));
  }
}

/** $1 name pattern, $2 the text if a UUID, $3 namespace prefix pattern, $4 the text. */
function searchValues(terms: TenantSearchTerms): unknown[] {
  const text = escapeLike(terms.text);
  // Namespaces are ASCII DNS labels: JavaScript's lower case is Postgres's for them.
  return [`%${text}%`, terms.uuid, `${text.toLowerCase()}%`, terms.text];
}

/** LIKE's wildcards in the text stand for themselves (backslash is LIKE's default escape). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** $1, $2: the position a page starts after (null: the first page); $3 the limit. */
export const LIST_SQL = `
SELECT t.id, t.name, lower(t.name) AS sort_name, t.currency, w.id AS wallet_id
  FROM account.tenants t
  JOIN account.wallets w ON w.tenant_id = t.id AND w.kind = 'TENANT'
 WHERE ($1::text IS NULL OR (lower(t.name), t.id) > ($1::text, $2::uuid))
 ORDER BY lower(t.name), t.id
 LIMIT $3`;

/** $1–$4: searchValues; $5, $6: the position a page starts after; $7 the limit. */
export const SEARCH_SQL = `
SELECT t.id, t.name, lower(t.name) AS sort_name, t.currency, w.id AS wallet_id
  FROM account.tenants t
  JOIN account.wallets w ON w.tenant_id = t.id AND w.kind = 'TENANT'
 WHERE t.id IN (
         SELECT id FROM account.tenants WHERE name ILIKE $1
         UNION SELECT id FROM account.tenants WHERE id = $2::uuid
         UNION SELECT tenant_id FROM account.workspaces WHERE lower(namespace) LIKE $3
         UNION SELECT m.tenant_id FROM account.memberships m
                 JOIN account.users u ON u.id = m.user_id
                WHERE u.id = $2::uuid OR u.external_id = $4 OR lower(u.email) = lower($4))
   AND ($5::text IS NULL OR (lower(t.name), t.id) > ($5::text, $6::uuid))
 ORDER BY lower(t.name), t.id
 LIMIT $7`;

interface TenantRow {
  id: string;
  name: string;
  sort_name: string;
  currency: string;
  wallet_id: string;
}
