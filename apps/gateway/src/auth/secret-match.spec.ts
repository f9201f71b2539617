import { secretMatches } from './secret-match';

describe('secretMatches', () => {
  it('matches only the exact secret, whatever the lengths', () => {
    const secret = 'tly_admin_0123456789abcdef';
    expect(secretMatches(secret, secret)).toBe(true);
    expect(secretMatches(`${secret}x`, secret)).toBe(false);
    expect(secretMatches(secret.slice(0, -1), secret)).toBe(false);
    expect(secretMatches('', secret)).toBe(false);
  });
});
