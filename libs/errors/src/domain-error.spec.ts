import {
  badInput,
  conflict,
  DomainError,
  forbidden,
  insufficientFunds,
  notFound,
  queryTooComplex,
  rateLimited,
  unauthenticated,
} from './domain-error';
import { ErrorCode } from './error-code';

describe('DomainError', () => {
  it('is an Error carrying code, message and details', () => {
    const e = new DomainError(ErrorCode.CONFLICT, 'Already exists', { key: 'k1' });
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(DomainError);
    expect(e.name).toBe('DomainError');
    expect(e.code).toBe(ErrorCode.CONFLICT);
    expect(e.message).toBe('Already exists');
    expect(e.details).toEqual({ key: 'k1' });
    expect(e.errorId).toBeUndefined();
    expect(e.stack).toContain('Already exists');
  });

  it('keeps an errorId and a cause when given', () => {
    const cause = new Error('root');
    const e = new DomainError(ErrorCode.INTERNAL, 'Internal error', undefined, {
      errorId: 'abc',
      cause,
    });
    expect(e.errorId).toBe('abc');
    expect(e.cause).toBe(cause);
  });

  describe('factories', () => {
    it('notFound names the thing and the id', () => {
      const e = notFound('Tenant', 't_1');
      expect(e.code).toBe(ErrorCode.NOT_FOUND);
      expect(e.message).toBe('Tenant t_1 not found');
      expect(e.details).toEqual({ what: 'Tenant', id: 't_1' });
      expect(notFound('Invoice').message).toBe('Invoice not found');
      expect(notFound('Invoice').details).toEqual({ what: 'Invoice' });
    });

    it.each([
      [badInput('bad', { field: 'x' }), ErrorCode.BAD_USER_INPUT, 'bad', { field: 'x' }],
      [conflict('dup'), ErrorCode.CONFLICT, 'dup', undefined],
      [forbidden(), ErrorCode.FORBIDDEN, 'Forbidden', undefined],
      [unauthenticated(), ErrorCode.UNAUTHENTICATED, 'Authentication required', undefined],
      [
        insufficientFunds('Balance too low', { shortfall: '1.000000' }),
        ErrorCode.INSUFFICIENT_FUNDS,
        'Balance too low',
        { shortfall: '1.000000' },
      ],
      [rateLimited(), ErrorCode.RATE_LIMITED, 'Too many requests', undefined],
      [queryTooComplex('cost 900 > 500'), ErrorCode.QUERY_TOO_COMPLEX, 'cost 900 > 500', undefined],
    ])('builds %p', (e, code, message, details) => {
      expect(e).toBeInstanceOf(DomainError);
      expect(e.code).toBe(code);
      expect(e.message).toBe(message);
      expect(e.details).toEqual(details);
    });
  });
});
