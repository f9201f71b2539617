import { DomainError, notFound } from './domain-error';
import { ErrorCode } from './error-code';
import { INTERNAL_ERROR_MESSAGE, toPublicError } from './internal-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('toPublicError', () => {
  it('passes a DomainError through without logging', () => {
    const log = jest.fn();
    expect(toPublicError(notFound('Wallet', 'w1'), log)).toEqual({
      code: ErrorCode.NOT_FOUND,
      message: 'Wallet w1 not found',
      details: { what: 'Wallet', id: 'w1' },
    });
    expect(log).not.toHaveBeenCalled();
  });

  it('hides an unknown error behind INTERNAL and a fresh logged errorId', () => {
    const log = jest.fn();
    const secret = new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2');
    const pub = toPublicError(secret, log);
    expect(pub.code).toBe(ErrorCode.INTERNAL);
    expect(pub.message).toBe(INTERNAL_ERROR_MESSAGE);
    expect(pub.details).toBeUndefined();
    expect(pub.errorId).toMatch(UUID);
    expect(JSON.stringify(pub)).not.toContain('hunter2');
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(pub.errorId, secret);
  });

  it('handles thrown non-Error values', () => {
    const log = jest.fn();
    for (const thrown of ['boom', 42, null, undefined, { message: 'leak' }]) {
      const pub = toPublicError(thrown, log);
      expect(pub).toEqual({
        code: ErrorCode.INTERNAL,
        message: INTERNAL_ERROR_MESSAGE,
        errorId: pub.errorId,
      });
      expect(log).toHaveBeenLastCalledWith(pub.errorId, thrown);
    }
  });

  it('mints a different errorId each time', () => {
    const noop = (): void => undefined;
    const a = toPublicError(new Error('x'), noop).errorId;
    const b = toPublicError(new Error('x'), noop).errorId;
    expect(a).not.toBe(b);
  });

  it('gives a locally raised INTERNAL DomainError an errorId and logs it', () => {
    const log = jest.fn();
    const err = new DomainError(ErrorCode.INTERNAL, 'Ledger out of balance');
    const pub = toPublicError(err, log);
    expect(pub.code).toBe(ErrorCode.INTERNAL);
    expect(pub.errorId).toMatch(UUID);
    expect(log).toHaveBeenCalledWith(pub.errorId, err);
  });

  it('keeps the errorId of an INTERNAL relayed from another process', () => {
    const log = jest.fn();
    const relayed = new DomainError(ErrorCode.INTERNAL, INTERNAL_ERROR_MESSAGE, undefined, {
      errorId: 'remote-id',
    });
    expect(toPublicError(relayed, log)).toEqual({
      code: ErrorCode.INTERNAL,
      message: INTERNAL_ERROR_MESSAGE,
      errorId: 'remote-id',
    });
    expect(log).not.toHaveBeenCalled();
  });
});
