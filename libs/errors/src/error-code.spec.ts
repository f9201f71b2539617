import { ErrorCode, httpStatusOf, isErrorCode } from './error-code';

describe('ErrorCode', () => {
  it('uses the names as the wire values', () => {
    for (const [name, value] of Object.entries(ErrorCode)) expect(value).toBe(name);
  });

  it('matches the list in the API contract', () => {
    expect(Object.values(ErrorCode).sort()).toEqual(
      [
        'UNAUTHENTICATED',
        'FORBIDDEN',
        'NOT_FOUND',
        'BAD_USER_INPUT',
        'CONFLICT',
        'INSUFFICIENT_FUNDS',
        'RATE_LIMITED',
        'QUERY_TOO_COMPLEX',
        'STRIPE_UNAVAILABLE',
        'INTERNAL',
      ].sort(),
    );
  });

  it.each([
    [ErrorCode.UNAUTHENTICATED, 401],
    [ErrorCode.FORBIDDEN, 403],
    [ErrorCode.NOT_FOUND, 404],
    [ErrorCode.BAD_USER_INPUT, 400],
    [ErrorCode.CONFLICT, 409],
    [ErrorCode.INSUFFICIENT_FUNDS, 422],
    [ErrorCode.RATE_LIMITED, 429],
    [ErrorCode.QUERY_TOO_COMPLEX, 400],
    [ErrorCode.STRIPE_UNAVAILABLE, 503],
    [ErrorCode.INTERNAL, 500],
  ])('maps %s to HTTP %i', (code, status) => {
    expect(httpStatusOf(code)).toBe(status);
  });

  it('recognises codes read off the wire', () => {
    expect(isErrorCode('CONFLICT')).toBe(true);
    expect(isErrorCode('conflict')).toBe(false);
    expect(isErrorCode('TEAPOT')).toBe(false);
    expect(isErrorCode(409)).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
  });
});
