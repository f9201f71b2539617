import { badInput } from '@tally/errors';
import type { MemberRole } from '@tally/transport';

// Checks on what callers send, shared by the identity use cases. Each returns the value to
// store (trimmed) or throws BAD_USER_INPUT naming the field.

const MAX_EXTERNAL_ID = 255;
const MAX_EMAIL = 320;
const MAX_KEY_NAME = 100;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const ROLES: readonly MemberRole[] = ['OWNER', 'ADMIN', 'MEMBER'];

export function externalIdFrom(raw: unknown): string {
  const value = typeof raw === 'string' ? raw.trim() : '';
  if (value.length === 0 || value.length > MAX_EXTERNAL_ID) {
    throw badInput(`externalId must be 1 to ${MAX_EXTERNAL_ID} characters`, {
      reason: 'BAD_EXTERNAL_ID',
    });
  }
  return value;
}

/** Absent, null and blank all mean "no e-mail". */
export function emailFrom(raw: unknown): string | null {
  if (raw === undefined || raw === null) return null;
  const value = typeof raw === 'string' ? raw.trim() : undefined;
  if (value === '') return null;
  if (value === undefined || value.length > MAX_EMAIL || !EMAIL.test(value)) {
    throw badInput('email must be an e-mail address', { reason: 'BAD_EMAIL' });
  }
  return value;
}

export function apiKeyNameFrom(raw: unknown): string {
  const value = typeof raw === 'string' ? raw.trim() : '';
  if (value.length === 0 || value.length > MAX_KEY_NAME) {
    throw badInput(`name must be 1 to ${MAX_KEY_NAME} characters`, { reason: 'BAD_NAME' });
  }
  return value;
}

export function memberRoleFrom(raw: unknown): MemberRole {
  const role = ROLES.find((candidate) => candidate === raw);
  if (role !== undefined) return role;
  throw badInput('role must be OWNER, ADMIN or MEMBER', { reason: 'BAD_ROLE' });
}
