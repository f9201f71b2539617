import { Injectable } from '@nestjs/common';
import { RpcClient, type Principal, type WorkspacePlacementView } from '@tally/transport';
import { METERING } from './metering-principal';

const CHUNK = 5000;

/** Which wallet pays for each namespace, from the account service that owns workspaces. */
@Injectable()
export class WorkspaceDirectory {
  constructor(private readonly rpc: RpcClient) {}

  async placements(namespaces: readonly string[]): Promise<Map<string, WorkspacePlacementView>> {
    const placements = new Map<string, WorkspacePlacementView>();
    for (let i = 0; i < namespaces.length; i += CHUNK) {
      const found = await this.rpc.send('account.workspaces.placements', {
        principal: METERING,
        input: { namespaces: namespaces.slice(i, i + CHUNK) },
      });
      for (const placement of found) placements.set(placement.namespace, placement);
    }
    return placements;
  }

  /** Whether `principal` may read the namespace's workspace (the account service decides). */
  async mayRead(principal: Principal, namespace: string): Promise<boolean> {
    const workspace = await this.rpc.send('account.workspaces.byNamespace', {
      principal,
      input: { namespace },
    });
    return workspace !== null;
  }
}
