import { parseMoney } from '../money/money';

/** The reason the API keeps: 1 to 500 characters once trimmed (person-reason.ts). */
export const MAX_REASON_LENGTH = 500;

export type Checked<T> = { readonly value: T } | { readonly problem: string };

/** A typed amount as micro-units, or what is wrong with it, before anything is sent. */
export function checkAmount(text: string, sign: 'positive' | 'non-zero'): Checked<bigint> {
  let micros: bigint;
  try {
    micros = parseMoney(text.trim());
  } catch {
    return { problem: 'Write an amount such as 12.50, with at most 6 decimals.' };
  }
  if (micros === 0n) return { problem: 'The amount may not be zero.' };
  if (sign === 'positive' && micros < 0n) return { problem: 'The amount must be above zero.' };
  return { value: micros };
}

export function checkReason(text: string): Checked<string> {
  const reason = text.trim();
  if (reason === '') return { problem: 'Say why: the reason is kept in the audit log.' };
  if (reason.length > MAX_REASON_LENGTH) {
    return { problem: `At most ${MAX_REASON_LENGTH} characters.` };
  }
  return { value: reason };
}

/** A day in the future (yyyy-mm-dd, from a date field) as the end of that day, UTC. */
export function checkExpiry(day: string, now = new Date()): Checked<Date> {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T23:59:59.000Z`) : null;
  if (at === null || Number.isNaN(at.getTime())) return { problem: 'Pick the day it expires.' };
  if (at.getTime() <= now.getTime()) return { problem: 'The expiry must lie in the future.' };
  return { value: at };
}
