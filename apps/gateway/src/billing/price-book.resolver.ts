import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { toWireMicros } from '@tally/money';
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

  @Query(() => PriceBook, {
    description: 'The prices in force now, in a currency (default USD).',
    complexity: serviceCall(),
  })
  async priceBook(
    @Args('currency', { type: () => String, nullable: true }) currency: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<PriceBook> {
    const input = { currency: currency ?? undefined };
    return toPriceBook(
      await this.reads.for(req, principal).send('billing.priceBook.current', input),
    );
  }

  @Query(() => [PriceBook], {
    description: 'Price book versions, newest first: of one currency, or of all when left out.',
    complexity: servicePage(20),
  })
  async priceBooks(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('currency', { type: () => String, nullable: true }) currency: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<PriceBook[]> {
    const input = { first, currency: currency ?? undefined };
    const views = await this.reads.for(req, principal).send('billing.priceBook.history', input);
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
          pricePerUnitHourMicros: toWireMicros(price.pricePerUnitHour),
          scale: price.scale,
        })),
      },
    });
    return toPriceBook(view);
  }
}
