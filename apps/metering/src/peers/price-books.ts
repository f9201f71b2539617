import { Injectable } from '@nestjs/common';
import { RpcClient, type PriceBookView } from '@tally/transport';
import { METERING } from './metering-principal';

/** Billing's price book, as settlement reads it. */
@Injectable()
export class PriceBooks {
  constructor(private readonly rpc: RpcClient) {}

  /** The version in force at `at`: an hour is always priced by the book of its own start. */
  inForceAt(at: Date): Promise<PriceBookView> {
    return this.rpc.send('billing.priceBook.current', {
      principal: METERING,
      input: { at: at.toISOString() },
    });
  }
}
