import { DomainError, ErrorCode } from '@tally/errors';
import { apiKeyNameFrom, emailFrom, externalIdFrom, memberRoleFrom } from './identity-input';

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return error instanceof DomainError ? error.code : 'thrown';
  }
}

describe('identity input', () => {
  it('trims external ids and key names, refusing empty or long ones', () => {
    expect(externalIdFrom('  auth0|123 ')).toBe('auth0|123');
    expect(apiKeyNameFrom(' ci ')).toBe('ci');
    for (const bad of ['', '   ', 'x'.repeat(256), 42, undefined]) {
      expect(codeOf(() => externalIdFrom(bad))).toBe(ErrorCode.BAD_USER_INPUT);
    }
    expect(codeOf(() => apiKeyNameFrom('x'.repeat(101)))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('treats absent and blank e-mails as none and refuses malformed ones', () => {
    expect(emailFrom(undefined)).toBeNull();
    expect(emailFrom(null)).toBeNull();
    expect(emailFrom('  ')).toBeNull();
    expect(emailFrom(' a@b.test ')).toBe('a@b.test');
    expect(codeOf(() => emailFrom('not an email'))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(() => emailFrom(7))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('accepts the three member roles only', () => {
    expect(memberRoleFrom('OWNER')).toBe('OWNER');
    expect(codeOf(() => memberRoleFrom('owner'))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(() => memberRoleFrom('FINANCE'))).toBe(ErrorCode.BAD_USER_INPUT);
  });
});
