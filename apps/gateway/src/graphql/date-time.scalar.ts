import { CustomScalar, Scalar } from '@nestjs/graphql';
import { GraphQLError, Kind, ValueNode } from 'graphql';

// RFC 3339 with an explicit offset; a bare local time would be read in the server's zone.
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

function parse(value: unknown): Date {
  if (typeof value !== 'string' || !rfc3339.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError(
      'DateTime must be an RFC 3339 timestamp such as "2026-01-31T10:00:00Z"',
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
  }
  return new Date(value);
}

@Scalar('DateTime', () => Date)
export class DateTimeScalar implements CustomScalar<string, Date> {
  description = 'RFC 3339 timestamp in UTC.';

  parseValue(value: unknown): Date {
    return parse(value);
  }

  serialize(value: unknown): string {
    if (!(value instanceof Date)) throw new TypeError('DateTime fields must resolve to a Date');
    return value.toISOString();
  }

  parseLiteral(ast: ValueNode): Date {
    return parse(ast.kind === Kind.STRING ? ast.value : undefined);
  }
}
