import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcData, type RpcRequest } from '@tally/transport';
import { CreatePriceBookVersion } from './create-price-book-version';
import { CurrentPriceBook } from './current-price-book';
import { PriceBookHistory } from './price-book-history';

@Controller()
export class PriceBookController {
  constructor(
    private readonly currentPriceBook: CurrentPriceBook,
    private readonly priceBookHistory: PriceBookHistory,
    private readonly createVersion: CreatePriceBookVersion,
  ) {}

  @MessagePattern('billing.priceBook.current')
  current(@RpcData() request: RpcRequest<'billing.priceBook.current'>) {
    return this.currentPriceBook.execute(request);
  }

  @MessagePattern('billing.priceBook.history')
  history(@RpcData() request: RpcRequest<'billing.priceBook.history'>) {
    return this.priceBookHistory.execute(request);
  }

  @MessagePattern('billing.priceBook.create')
  create(@RpcData() request: RpcRequest<'billing.priceBook.create'>) {
    return this.createVersion.execute(request);
  }
}
