import { notFound } from '@tally/errors';
import type { RpcClient, WorkspaceView } from '@tally/transport';
import { METERING } from '../peers/metering-principal';

/** The workspace of a namespace finance names; NOT_FOUND when no tenant has it. */
export async function workspaceNamed(rpc: RpcClient, namespace: string): Promise<WorkspaceView> {
  const workspace = await rpc.send('account.workspaces.byNamespace', {
    principal: METERING,
    input: { namespace },
  });
  if (workspace === null) throw notFound('Workspace', namespace);
  return workspace;
}
