import { Test } from '@nestjs/testing';
import {
  Args,
  GraphQLSchemaBuilderModule,
  GraphQLSchemaFactory,
  Query,
  Resolver,
} from '@nestjs/graphql';
import { GraphQLScalarType, printSchema, parseValue } from 'graphql';
import { MoneyScalar } from './money.scalar';

@Resolver()
class DoubleResolver {
  @Query(() => MoneyScalar)
  double(@Args('amount', { type: () => MoneyScalar }) amount: bigint): bigint {
    return amount * 2n;
  }
}

// Checks the decorator wiring: the schema Nest generates carries the contract's scalar.
describe('MoneyScalar in a @nestjs/graphql code-first schema', () => {
  it('emits `scalar Money` with the contract description and uses the class methods', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [GraphQLSchemaBuilderModule],
    }).compile();
    const schema = await moduleRef
      .get(GraphQLSchemaFactory)
      .create([DoubleResolver], [MoneyScalar]);

    expect(printSchema(schema)).toContain('scalar Money');
    expect(printSchema(schema)).toContain('double(amount: Money!): Money!');

    const money = schema.getType('Money');
    expect(money).toBeInstanceOf(GraphQLScalarType);
    if (!(money instanceof GraphQLScalarType)) return;
    expect(money.description).toBe(
      'Decimal string with up to 6 fractional digits, e.g. "12.500000". Never a float.',
    );
    expect(money.parseLiteral(parseValue('"1.5"'), undefined)).toBe(1_500_000n);
    expect(money.serialize(1n)).toBe('0.000001');
    await moduleRef.close();
  });
});
