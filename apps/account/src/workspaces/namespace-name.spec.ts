import { DomainError } from '@tally/errors';
import { assertNamespaceName } from './namespace-name';

describe('assertNamespaceName', () => {
  it.each(['a', 'team-a', 'x1', '0abc', 'a'.repeat(63)])('accepts %s', (name) => {
    expect(() => assertNamespaceName(name)).not.toThrow();
  });

  it.each(['', 'A', 'team_a', '-a', 'a-', 'a.b', 'a'.repeat(64), 'ünï', 'a b'])(
    'refuses %j',
    (name) => {
      expect(() => assertNamespaceName(name)).toThrow(DomainError);
    },
  );
});
