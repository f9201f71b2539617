import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@tally/errors';
import { RpcClient } from '@tally/transport';
import { ACCOUNT_SERVICE } from './account-principal';

/** Billing's price book, as far as opening a tenant needs it. */
@Injectable()
export class PriceBooks {
  constructor(private readonly rpc: RpcClient) {}

  /** Whether billing has a price book of `currency` in force now. */
  async inForce(currency: string): Promise<boolean> {
    try {
      await this.rpc.send('billing.priceBook.current', {
        principal: ACCOUNT_SERVICE,
        input: { currency },
      });
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) return false;
      throw error;
    }
  }
}
