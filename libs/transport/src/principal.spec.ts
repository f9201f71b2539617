import {
  isFinanceStaff,
  isPlatformAdmin,
  isService,
  principalName,
  type Principal,
} from './principal';

const user = (platformRole: 'FINANCE' | 'PLATFORM_ADMIN' | null): Principal => ({
  kind: 'user',
  userId: 'u1',
  platformRole,
});

describe('principal standing', () => {
  it.each<[string, Principal, boolean, boolean, boolean]>([
    // who, principal, platform admin, finance staff, service
    ['a tenant user', user(null), false, false, false],
    ['a finance user', user('FINANCE'), false, true, false],
    ['a platform-admin user', user('PLATFORM_ADMIN'), true, true, false],
    ['the admin key', { kind: 'admin_key' }, true, true, false],
    ['an API key', { kind: 'api_key', apiKeyId: 'k1', tenantId: 't1' }, false, false, false],
    ['a service', { kind: 'service', service: 'billing' }, false, false, true],
  ])('%s', (_, principal, platformAdmin, financeStaff, service) => {
    expect(isPlatformAdmin(principal)).toBe(platformAdmin);
    expect(isFinanceStaff(principal)).toBe(financeStaff);
    expect(isService(principal)).toBe(service);
  });

  it('names who acted', () => {
    expect(principalName(user(null))).toBe('user:u1');
    expect(principalName({ kind: 'service', service: 'metering' })).toBe('service:metering');
  });
});
