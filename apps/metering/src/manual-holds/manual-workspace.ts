import { forbidden, notFound } from '@tally/errors';
import { currentRequestId } from '@tally/observability';
import {
  actorOf,
  isFinanceStaff,
  personReason,
  type Actor,
  type Principal,
  type RpcClient,
  type WorkspaceView,
} from '@tally/transport';
import { METERING } from '../peers/metering-principal';

/** Who acts by hand, why, and in which request: what the audit record says. */
export interface ByHand {
  readonly actor: Actor;
  readonly reason: string;
  readonly requestId: string | null;
}

/**
 * The namespace finance acts on by hand (suspend, resume), and who acts and why, checked in the
 * order that tells a caller nothing they may not know: FORBIDDEN unless finance or a platform
 * admin, then the reason, then NOT_FOUND when no tenant has the namespace.
 */
export async function namespaceActedOn(
  rpc: RpcClient,
  verb: 'suspend' | 'resume',
  { principal, input }: { principal: Principal; input: { namespace: string; reason: string } },
): Promise<{ workspace: WorkspaceView; by: ByHand }> {
  if (!isFinanceStaff(principal)) {
    throw forbidden(`Only finance staff and platform admins may ${verb} a namespace by hand`);
  }
  const reason = personReason(input.reason);
  const workspace = await rpc.send('account.workspaces.byNamespace', {
    principal: METERING,
    input: { namespace: input.namespace },
  });
  if (workspace === null) throw notFound('Workspace', input.namespace);
  return {
    workspace,
    by: { actor: actorOf(principal), reason, requestId: currentRequestId() ?? null },
  };
}
