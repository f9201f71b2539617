import { DomainError, ErrorCode } from '@tally/errors';
import type { MemberRole } from '@tally/transport';
import { assertMayGrant, type Granter } from './member-grants';

function verdict(granter: Granter, role: MemberRole): string {
  try {
    assertMayGrant(granter, role);
    return 'ok';
  } catch (error) {
    return error instanceof DomainError ? error.code : 'thrown';
  }
}

describe('who may grant which role', () => {
  it.each<[Granter, MemberRole, string]>([
    ['PLATFORM', 'OWNER', 'ok'],
    ['PLATFORM', 'ADMIN', 'ok'],
    ['PLATFORM', 'MEMBER', 'ok'],
    ['OWNER', 'OWNER', 'ok'],
    ['OWNER', 'ADMIN', 'ok'],
    ['OWNER', 'MEMBER', 'ok'],
    ['ADMIN', 'OWNER', ErrorCode.FORBIDDEN],
    ['ADMIN', 'ADMIN', 'ok'],
    ['ADMIN', 'MEMBER', 'ok'],
    ['MEMBER', 'OWNER', ErrorCode.FORBIDDEN],
    ['MEMBER', 'ADMIN', ErrorCode.FORBIDDEN],
    ['MEMBER', 'MEMBER', ErrorCode.FORBIDDEN],
  ])('%s granting %s: %s', (granter, role, expected) => {
    expect(verdict(granter, role)).toBe(expected);
  });

  it('says why', () => {
    expect(() => assertMayGrant('ADMIN', 'OWNER')).toThrow('The ADMIN role may not grant OWNER');
  });
});
