import type { IApiKeyRepository, NewApiKey } from '@tally/account/identity/api-key.repository';
import type { ApiKeyView } from '@tally/transport';

const CREATED_AT = '2026-01-01T00:00:00.000Z';

/**
 * API keys in memory. `create` answers null for a tenant not in `tenants`, as the foreign key
 * makes the repository do; `revoke` keeps the first revocation; `touch` records a use only
 * when the last one is older than the interval.
 */
export class FakeApiKeyRepository implements IApiKeyRepository {
  readonly tenants = new Set<string>();
  /** What `create` was given, in order. */
  readonly created: NewApiKey[] = [];
  private readonly keys = new Map<string, { view: ApiKeyView; secretHash: string }>();

  constructor(...tenants: string[]) {
    for (const tenant of tenants) this.tenants.add(tenant);
  }

  /** Seeds a stored key. */
  store(view: ApiKeyView, secretHash = `hash-of-${view.id}`): this {
    this.keys.set(view.id, { view, secretHash });
    return this;
  }

  async create(key: NewApiKey): Promise<ApiKeyView | null> {
    if (!this.tenants.has(key.tenantId)) return null;
    this.created.push(key);
    const view: ApiKeyView = {
      id: `key-${this.created.length}`,
      tenantId: key.tenantId,
      name: key.name,
      prefix: key.prefix,
      createdAt: CREATED_AT,
      lastUsedAt: null,
      revokedAt: null,
    };
    this.store(view, key.secretHash);
    return view;
  }

  async bySecretHash(secretHash: string): Promise<ApiKeyView | null> {
    return [...this.keys.values()].find((k) => k.secretHash === secretHash)?.view ?? null;
  }

  async byId(id: string): Promise<ApiKeyView | null> {
    return this.keys.get(id)?.view ?? null;
  }

  async revoke(id: string, at: Date): Promise<void> {
    const key = this.keys.get(id);
    if (key === undefined || key.view.revokedAt !== null) return;
    key.view = { ...key.view, revokedAt: at.toISOString() };
  }

  async ofTenant(tenantId: string): Promise<ApiKeyView[]> {
    return [...this.keys.values()]
      .map((k) => k.view)
      .filter((view) => view.tenantId === tenantId)
      .reverse();
  }

  async touch(id: string, now: Date, minIntervalMs: number): Promise<void> {
    const key = this.keys.get(id);
    if (key === undefined) return;
    const last = key.view.lastUsedAt;
    if (last !== null && Date.parse(last) >= now.getTime() - minIntervalMs) return;
    key.view = { ...key.view, lastUsedAt: now.toISOString() };
  }
}
