import type { RechargeStatus } from '@prisma/client';
import type { RechargeRepository } from '../recharge.repository';
import { RechargeNotYetRecorded } from './stripe-events.errors';
import type { SessionFields } from './stripe-session';

export type SessionRecharges = Pick<RechargeRepository, 'byId' | 'settle'>;

/**
 * Moves the session's recharge to `status` (never away from SUCCEEDED: the repository keeps a
 * late `expired` from undoing a payment). Throws while the recharge is not committed yet, so
 * the event is retried with backoff.
 */
export async function settleSession(
  recharges: SessionRecharges,
  session: SessionFields,
  status: RechargeStatus,
): Promise<void> {
  const recharge = session.rechargeId === null ? null : await recharges.byId(session.rechargeId);
  if (recharge === null) {
    throw new RechargeNotYetRecorded(`no recharge (yet) for Checkout Session ${session.id}`);
  }
  await recharges.settle(status, [{ id: recharge.id }]);
}
