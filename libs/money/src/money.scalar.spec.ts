import { DomainError, ErrorCode } from '@tally/errors';
import {
  graphql,
  GraphQLError,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  Kind,
  parseValue,
} from 'graphql';
import { MAX_MICROS } from './micros';
import { Money } from './money';
import { MoneyErrorReason } from './money.errors';
import { MONEY_SCALAR_DESCRIPTION, MoneyScalar } from './money.scalar';

const scalar = new MoneyScalar();

function gqlErrorOf(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (err) {
    if (err instanceof GraphQLError) return err;
    throw err;
  }
  throw new Error('expected a GraphQLError');
}

describe('MoneyScalar', () => {
  it('has the contract description', () => {
    expect(scalar.description).toBe(
      'Decimal string with up to 6 fractional digits, e.g. "12.500000". Never a float.',
    );
    expect(MONEY_SCALAR_DESCRIPTION).toBe(scalar.description);
  });

  describe('serialize', () => {
    it('writes bigint micros and Money with 6 decimals', () => {
      expect(scalar.serialize(12_500_000n)).toBe('12.500000');
      expect(scalar.serialize(-1n)).toBe('-0.000001');
      expect(scalar.serialize(0n)).toBe('0.000000');
      expect(scalar.serialize(Money.of(MAX_MICROS, 'USD'))).toBe('9223372036854.775807');
    });

    it.each([12.5, '12.5', null, {}])('treats %p from a resolver as a server bug', (value) => {
      expect(() => scalar.serialize(value)).toThrow(TypeError);
    });
  });

  describe('parseValue', () => {
    it('reads a decimal string into micros', () => {
      expect(scalar.parseValue('12.5')).toBe(12_500_000n);
      expect(scalar.parseValue('-0.000001')).toBe(-1n);
    });

    it.each<[unknown, MoneyErrorReason]>([
      [12.5, MoneyErrorReason.NOT_A_STRING],
      [12, MoneyErrorReason.NOT_A_STRING],
      ['', MoneyErrorReason.EMPTY],
      ['1e3', MoneyErrorReason.EXPONENT],
      ['0.0000001', MoneyErrorReason.TOO_MANY_DECIMALS],
      ['NaN', MoneyErrorReason.NOT_A_NUMBER],
      ['99999999999999', MoneyErrorReason.OVERFLOW],
      ['+5', MoneyErrorReason.MALFORMED],
    ])('rejects %p as BAD_USER_INPUT / %s', (value, reason) => {
      const err = gqlErrorOf(() => scalar.parseValue(value));
      expect(err.extensions).toEqual({ code: ErrorCode.BAD_USER_INPUT, reason });
      expect(err.originalError).toBeInstanceOf(DomainError);
    });

    it('tells a caller sending a number to send a string', () => {
      expect(gqlErrorOf(() => scalar.parseValue(12.5)).message).toContain(
        'must be sent as a decimal string',
      );
    });
  });

  describe('parseLiteral', () => {
    it('reads a string literal', () => {
      expect(scalar.parseLiteral(parseValue('"12.5"'))).toBe(12_500_000n);
    });

    it.each([
      ['12.5', 'Money must be a quoted decimal string such as "12.5", not a number'],
      ['12', 'Money must be a quoted decimal string such as "12", not a number'],
      ['1e3', 'Money must be a quoted decimal string such as "12.5", not a number'],
      ['true', 'Money must be a quoted decimal string such as "12.5", not a boolean'],
      ['[1]', 'Money must be a quoted decimal string such as "12.5", not a list'],
      ['{a: 1}', 'Money must be a quoted decimal string such as "12.5", not an object'],
      ['USD', 'Money must be a quoted decimal string such as "12.5", not an enum value'],
    ])('rejects the literal %s', (source, message) => {
      const err = gqlErrorOf(() => scalar.parseLiteral(parseValue(source)));
      expect(err.message).toBe(message);
      expect(err.extensions).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        reason: MoneyErrorReason.NOT_A_STRING,
      });
    });

    it('rejects a bad string literal with its parse reason', () => {
      const err = gqlErrorOf(() => scalar.parseLiteral({ kind: Kind.STRING, value: '5.' }));
      expect(err.extensions).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        reason: MoneyErrorReason.MALFORMED,
      });
    });
  });

  // Through graphql-js itself, to pin down what reaches the exception filter.
  describe('in an executed schema', () => {
    const Money = new GraphQLScalarType({
      name: 'Money',
      description: scalar.description,
      serialize: (v) => scalar.serialize(v),
      parseValue: (v) => scalar.parseValue(v),
      parseLiteral: (ast) => scalar.parseLiteral(ast),
    });
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          double: {
            type: Money,
            args: { amount: { type: new GraphQLNonNull(Money) } },
            resolve: (_: unknown, args: { amount: bigint }) => args.amount * 2n,
          },
        },
      }),
    });

    it('round-trips an amount through a variable and a literal', async () => {
      const viaVariable = await graphql({
        schema,
        source: 'query($a: Money!) { double(amount: $a) }',
        variableValues: { a: '1.25' },
      });
      expect(viaVariable).toEqual({ data: { double: '2.500000' } });
      const viaLiteral = await graphql({ schema, source: '{ double(amount: "-0.000001") }' });
      expect(viaLiteral).toEqual({ data: { double: '-0.000002' } });
    });

    it('rejects a float variable with BAD_USER_INPUT', async () => {
      const result = await graphql({
        schema,
        source: 'query($a: Money!) { double(amount: $a) }',
        variableValues: { a: 1.25 },
      });
      expect(result.errors?.[0].extensions).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        reason: MoneyErrorReason.NOT_A_STRING,
      });
    });

    it('rejects a float literal with BAD_USER_INPUT', async () => {
      const result = await graphql({ schema, source: '{ double(amount: 1.25) }' });
      expect(result.errors?.[0].extensions).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        reason: MoneyErrorReason.NOT_A_STRING,
      });
      expect(result.errors?.[0].message).toContain('"1.25"');
    });
  });
});
