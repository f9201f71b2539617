import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RpcClient, type Principal } from '@tally/transport';
import { CurrentPrincipal, CurrentRequest } from '../auth/current-principal.decorator';
import { serviceCall, servicePage } from '../graphql/query-cost';
import { RequestReadsFactory } from '../graphql/request-reads';
import { PriceBook } from './billing.models';
import { toPriceBook } from './billing.views';
import { CreatePriceBookVersionInput } from './dto/price-book.inputs';

@Resolver(() => PriceBook)
export class PriceBookResolver {
  constructor(
    private readonly rpc: RpcClient,
    private readonly reads: RequestReadsFactory,
  ) {}

  @Query(() => PriceBook, { description: 'The prices in force now.', complexity: serviceCall() })
  async priceBook(
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<PriceBook> {
    return toPriceBook(await this.reads.for(req, principal).send('billing.priceBook.current', {}));
  }

  @Query(() => [PriceBook], {
    description: 'Every price book version, newest first.',
    complexity: servicePage(20),
  })
  async priceBooks(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<PriceBook[]> {
    const views = await this.reads.for(req, principal).send('billing.priceBook.history', { first });
    return views.map(toPriceBook);
  }

  @Mutation(() => PriceBook, {
    description: 'Finance staff and platform admins only.',
    complexity: serviceCall(),
  })
  async createPriceBookVersion(
    @Args('input') input: CreatePriceBookVersionInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PriceBook> {
    const view = await this.rpc.send('billing.priceBook.create', {
      principal,
      input: {
        currency: input.currency,
        effectiveFrom: input.effectiveFrom.toISOString(),
        reason: input.reason,
        prices: input.prices.map((price) => ({
          resource: price.resource,
          unit: price.unit,
          pricePerUnitHourMicros: price.pricePerUnitHour.toString(),
          scale: price.scale,
        })),
      },
    });
    return toPriceBook(view);
  }
}
