import { Injectable } from '@nestjs/common';
import { Prisma, type ApiKey } from '@prisma/client';
import { PrismaService } from '@tally/prisma';
import type { ApiKeyView } from '@tally/transport';
import { validUuids } from '../wallets/wallet.repository';

export interface NewApiKey {
  readonly tenantId: string;
  readonly name: string;
  readonly prefix: string;
  readonly secretHash: string;
  readonly createdBy: string | null;
}

/** Tenants' API keys, stored by the hash of their secret.
 * Use cases depend on this interface (injected as the class) so that their specs can hand
 * them the in-memory fake of libs/testing, which is checked against it by the compiler.
 */
export interface IApiKeyRepository {
  create(key: NewApiKey): Promise<ApiKeyView | null>;
  bySecretHash(secretHash: string): Promise<ApiKeyView | null>;
  byId(id: string): Promise<ApiKeyView | null>;
  revoke(id: string, at: Date): Promise<void>;
  ofTenant(tenantId: string): Promise<ApiKeyView[]>;
  touch(id: string, now: Date, minIntervalMs: number): Promise<void>;
}

@Injectable()
export class ApiKeyRepository implements IApiKeyRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The stored key, or null when the tenant does not exist. */
  async create(key: NewApiKey): Promise<ApiKeyView | null> {
    if (validUuids([key.tenantId]).length !== 1) return null;
    try {
      return toApiKeyView(await this.prisma.apiKey.create({ data: key }));
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003') {
        return null;
      }
      throw error;
    }
  }

  /** The authentication lookup: one read on the unique index of the hash. */
  async bySecretHash(secretHash: string): Promise<ApiKeyView | null> {
    const key = await this.prisma.apiKey.findUnique({ where: { secretHash } });
    return key === null ? null : toApiKeyView(key);
  }

  async byId(id: string): Promise<ApiKeyView | null> {
    if (validUuids([id]).length !== 1) return null;
    const key = await this.prisma.apiKey.findUnique({ where: { id } });
    return key === null ? null : toApiKeyView(key);
  }

  /** A tenant's keys, revoked ones too, newest first: a range of the tenant_id index. */
  async ofTenant(tenantId: string): Promise<ApiKeyView[]> {
    if (validUuids([tenantId]).length !== 1) return [];
    const keys = await this.prisma.apiKey.findMany({
      where: { tenantId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    return keys.map(toApiKeyView);
  }

  /** Sets revokedAt once; revoking again keeps the first time. */
  async revoke(id: string, at: Date): Promise<void> {
    await this.prisma.apiKey.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: at },
    });
  }

  /**
   * Records a use unless one was recorded less than `minIntervalMs` ago. The condition sits in
   * the UPDATE so that concurrent requests of one key write the row once, not once each.
   */
  async touch(id: string, now: Date, minIntervalMs: number): Promise<void> {
    const cutoff = new Date(now.getTime() - minIntervalMs);
    await this.prisma.apiKey.updateMany({
      where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: cutoff } }] },
      data: { lastUsedAt: now },
    });
  }
}

function toApiKeyView(key: ApiKey): ApiKeyView {
  return {
    id: key.id,
    tenantId: key.tenantId,
    name: key.name,
    prefix: key.prefix,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}
