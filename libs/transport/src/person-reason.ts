import { badInput } from '@tally/errors';

const MAX_REASON_LENGTH = 500;

/**
 * Why a person acted by hand (moved money, suspended a namespace), as the audit trail keeps it:
 * 1 to 500 characters. Every service that takes such an action reads the reason through this.
 */
export function personReason(text: string): string {
  const reason = text.trim();
  if (reason.length === 0 || reason.length > MAX_REASON_LENGTH) {
    throw badInput(`reason must be 1 to ${MAX_REASON_LENGTH} characters`, {
      reason: 'BAD_REASON',
    });
  }
  return reason;
}
