import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';
import { deserializeError, isSerializedDomainError, serializeError } from './serialized-error';

describe('error serialization', () => {
  it('serializes only the present fields', () => {
    expect(serializeError(new DomainError(ErrorCode.CONFLICT, 'dup'))).toEqual({
      code: 'CONFLICT',
      message: 'dup',
    });
    expect(Object.keys(serializeError(new DomainError(ErrorCode.CONFLICT, 'dup'))).sort()).toEqual([
      'code',
      'message',
    ]);
  });

  it('round-trips through JSON, keeping details and errorId', () => {
    const original = new DomainError(
      ErrorCode.INSUFFICIENT_FUNDS,
      'Balance too low',
      { walletId: 'w1', shortfall: '2.500000' },
      { errorId: 'e-1' },
    );
    const wire: unknown = JSON.parse(JSON.stringify(serializeError(original)));
    expect(isSerializedDomainError(wire)).toBe(true);
    if (!isSerializedDomainError(wire)) return;
    const back = deserializeError(wire);
    expect(back).toBeInstanceOf(DomainError);
    expect(back.code).toBe(original.code);
    expect(back.message).toBe(original.message);
    expect(back.details).toEqual(original.details);
    expect(back.errorId).toBe('e-1');
  });

  it('leaves errorId undefined when absent', () => {
    const back = deserializeError({ code: ErrorCode.NOT_FOUND, message: 'x' });
    expect(back.errorId).toBeUndefined();
    expect(back.details).toBeUndefined();
  });

  it.each([
    [null],
    [undefined],
    ['CONFLICT'],
    [[]],
    [{ message: 'no code' }],
    [{ code: 'TEAPOT', message: 'unknown code' }],
    [{ code: 'CONFLICT' }],
    [{ code: 'CONFLICT', message: 42 }],
    [{ code: 'CONFLICT', message: 'm', details: 'str' }],
    [{ code: 'CONFLICT', message: 'm', details: [1] }],
    [{ code: 'CONFLICT', message: 'm', details: null }],
    [{ code: 'CONFLICT', message: 'm', errorId: 7 }],
  ])('rejects %p as a serialized domain error', (x) => {
    expect(isSerializedDomainError(x)).toBe(false);
  });

  it('accepts the minimal and the full shape', () => {
    expect(isSerializedDomainError({ code: 'CONFLICT', message: 'm' })).toBe(true);
    expect(
      isSerializedDomainError({ code: 'INTERNAL', message: 'm', details: {}, errorId: 'id' }),
    ).toBe(true);
  });
});
