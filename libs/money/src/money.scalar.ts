import { type CustomScalar, Scalar } from '@nestjs/graphql';
import { DomainError, ErrorCode } from '@tally/errors';
import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { formatMicros, parseMicros } from './micros';
import { Money } from './money';
import { MoneyErrorReason } from './money.errors';

export const MONEY_SCALAR_DESCRIPTION =
  'Decimal string with up to 6 fractional digits, e.g. "12.500000". Never a float.';

/**
 * GraphQL `Money`: a decimal string on the wire, bigint micro-units in resolvers. Input errors
 * are GraphQLErrors with `extensions.code` BAD_USER_INPUT and a `reason` from MoneyErrorReason.
 */
@Scalar('Money', () => MoneyScalar)
export class MoneyScalar implements CustomScalar<string, bigint> {
  readonly description = MONEY_SCALAR_DESCRIPTION;

  parseValue(value: unknown): bigint {
    return asGraphQLInput(() => parseMicros(value));
  }

  parseLiteral(ast: ValueNode): bigint {
    if (ast.kind === Kind.STRING) return asGraphQLInput(() => parseMicros(ast.value));
    const numeric = ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? ast.value : '';
    // Echo the caller's number back quoted only when that would actually be accepted.
    const example = /^-?[0-9]+(\.[0-9]{1,6})?$/.test(numeric) ? numeric : '12.5';
    throw new GraphQLError(
      `Money must be a quoted decimal string such as "${example}", not ${describeLiteral(ast)}`,
      {
        nodes: ast,
        extensions: { code: ErrorCode.BAD_USER_INPUT, reason: MoneyErrorReason.NOT_A_STRING },
      },
    );
  }

  serialize(value: unknown): string {
    if (typeof value === 'bigint') return formatMicros(value);
    if (value instanceof Money) return value.toString();
    // A resolver bug, not the caller's fault: left to surface as INTERNAL.
    throw new TypeError(
      `Money scalar can only serialize bigint micro-units or Money, got ${typeof value}`,
    );
  }
}

function asGraphQLInput(parse: () => bigint): bigint {
  try {
    return parse();
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    throw new GraphQLError(err.message, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, reason: err.details?.reason },
      originalError: err,
    });
  }
}

function describeLiteral(ast: ValueNode): string {
  switch (ast.kind) {
    case Kind.INT:
    case Kind.FLOAT:
      return 'a number';
    case Kind.BOOLEAN:
      return 'a boolean';
    case Kind.NULL:
      return 'null';
    case Kind.ENUM:
      return 'an enum value';
    case Kind.LIST:
      return 'a list';
    case Kind.OBJECT:
      return 'an object';
    case Kind.STRING:
      return 'a string';
    case Kind.VARIABLE:
      return 'a variable';
  }
}
