import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { OutboxEvent, QueueName } from '@tally/queue';
import { RpcClient, type NamespaceState, type WorkspaceView } from '@tally/transport';
import type { Job } from 'bullmq';
import { METERING } from '../peers/metering-principal';
import { DebtTopic, outbound, WalletAction } from './debt-events';
import { isSuspended } from './debt-policy';
import { DebtRepository } from './debt.repository';
import { NAMESPACE_SUSPENDER, type NamespaceSuspender } from '../suspension/namespace-suspender';
import { isReservedNamespaceRefusal } from '../suspension/suspension.errors';
import { SpendingCapTopic, isCapTopic, type CapAction } from '../spending-caps/spending-cap-events';
import { SpendingCapRepository } from '../spending-caps/spending-cap.repository';
import { ManualHoldRepository } from '../manual-holds/manual-hold.repository';
import { isManualTopic, ManualTopic, type ManualAction } from '../manual-holds/manual-hold-events';

/** Namespaces of one wallet worked on at once. */
const PARALLEL_NAMESPACES = 8;

/**
 * Carries a wallet's suspension, resumption or reclaim out on each of its namespaces, a
 * spending cap's on the namespaces of its scope, and a suspension by hand on its namespace. A
 * namespace held for more than one of debt, a cap and by hand is resumed only once none holds
 * it. A job that no longer matches the wallet's state (money arrived meanwhile), the cap's or
 * the hold's does nothing. A failing
 * namespace does not stop the others; the job then fails and is retried, and the namespaces
 * already done are done again harmlessly.
 */
@Processor(QueueName.Suspension, { concurrency: 4 })
export class WalletSuspensionProcessor extends WorkerHost {
  private readonly logger = new Logger(WalletSuspensionProcessor.name);

  constructor(
    private readonly debts: DebtRepository,
    private readonly spendingCaps: SpendingCapRepository,
    private readonly manualHolds: ManualHoldRepository,
    private readonly rpc: RpcClient,
    @Inject(NAMESPACE_SUSPENDER) private readonly suspender: NamespaceSuspender,
  ) {
    super();
  }

  async process(job: Job<OutboxEvent<WalletAction | CapAction | ManualAction>>): Promise<void> {
    const topic = job.data.topic;
    const workspaces = isCapTopic(topic)
      ? await this.capWorkspaces(topic, job.data.payload as CapAction)
      : isManualTopic(topic)
        ? await this.manualWorkspaces(topic, job.data.payload as ManualAction)
        : await this.walletWorkspaces(topic, job.data.payload as WalletAction);
    const { reason } = job.data.payload;
    const failures: string[] = [];
    for (let i = 0; i < workspaces.length; i += PARALLEL_NAMESPACES) {
      await Promise.all(
        workspaces.slice(i, i + PARALLEL_NAMESPACES).map((workspace) =>
          this.apply(topic, workspace, reason).catch((error: unknown) => {
            // Retrying would never succeed, and the namespace must stay as it is: said loudly.
            if (isReservedNamespaceRefusal(error)) {
              this.logger.error(
                { err: error, namespace: workspace.namespace, topic, walletId: workspace.walletId },
                'workspace names a reserved namespace: left alone',
              );
              return;
            }
            this.logger.warn(
              { err: error, namespace: workspace.namespace, topic },
              'namespace not done',
            );
            failures.push(workspace.namespace);
          }),
        ),
      );
    }
    if (failures.length > 0)
      throw new Error(`${topic} not done for ${failures.join(', ')}; retrying`);
  }

  /**
   * The wallet's namespaces, unless the job no longer matches the wallet's state (money arrived
   * meanwhile); a resumption leaves out those a spending cap still holds.
   */
  private async walletWorkspaces(
    topic: string,
    { walletId }: WalletAction,
  ): Promise<WorkspaceView[]> {
    const suspended = isSuspended(await this.debts.currentState(walletId));
    if ((topic === DebtTopic.ResumeWallet) === suspended) return []; // overtaken by a later change
    const workspaces = await this.workspacesOf(walletId);
    if (topic !== DebtTopic.ResumeWallet) return workspaces;
    const namespaces = workspaces.map((w) => w.namespace);
    const [holds, byHand] = await Promise.all([
      this.spendingCaps.holdsOn(namespaces),
      this.manualHolds.heldAmong(namespaces),
    ]);
    const held = new Set([...holds.flatMap((h) => h.namespaces), ...byHand]);
    return workspaces.filter((workspace) => !held.has(workspace.namespace));
  }

  /**
   * The namespaces a cap decision names (wherever they draw from now), unless the hold changed
   * since (held again, or let go); a resumption leaves out those whose wallet is suspended for
   * debt and those another cap holds (a workspace's own and its sub-account's).
   */
  private async capWorkspaces(topic: string, action: CapAction): Promise<WorkspaceView[]> {
    const held = await this.spendingCaps.isHeld(action.scopeId);
    if ((topic === SpendingCapTopic.Resume) === held) return []; // overtaken by a later change
    const found = await Promise.all(
      action.namespaces.map((namespace) =>
        this.rpc.send('account.workspaces.byNamespace', {
          principal: METERING,
          input: { namespace },
        }),
      ),
    );
    const workspaces = found.filter((w): w is WorkspaceView => w !== null);
    if (topic !== SpendingCapTopic.Resume) return workspaces;
    return this.notHeldOtherwise(workspaces);
  }

  /**
   * The namespace a suspension by hand names, unless its hold changed since (released, or held
   * again); a resumption leaves it out while its debt or a spending cap still holds it.
   */
  private async manualWorkspaces(topic: string, action: ManualAction): Promise<WorkspaceView[]> {
    const held = (await this.manualHolds.heldAmong([action.namespace])).has(action.namespace);
    if ((topic === ManualTopic.Resume) === held) return []; // overtaken by a later change
    const workspace = await this.rpc.send('account.workspaces.byNamespace', {
      principal: METERING,
      input: { namespace: action.namespace },
    });
    if (workspace === null) return [];
    return topic === ManualTopic.Resume ? this.notHeldOtherwise([workspace]) : [workspace];
  }

  /** The workspaces that no cap, no debt and no hand holds: those a resumption may run again. */
  private async notHeldOtherwise(workspaces: WorkspaceView[]): Promise<WorkspaceView[]> {
    const namespaces = workspaces.map((w) => w.namespace);
    const [debts, holds, byHand] = await Promise.all([
      this.debts.of([...new Set(workspaces.map((w) => w.walletId))]),
      this.spendingCaps.holdsOn(namespaces),
      this.manualHolds.heldAmong(namespaces),
    ]);
    const stillHeld = new Set([...holds.flatMap((h) => h.namespaces), ...byHand]);
    return workspaces.filter(
      (w) => !stillHeld.has(w.namespace) && !isSuspended(debts.get(w.walletId)?.state ?? 'NORMAL'),
    );
  }

  private workspacesOf(walletId: string): Promise<WorkspaceView[]> {
    return this.rpc.send('account.workspaces.byWallets', {
      principal: METERING,
      input: { ids: [walletId] },
    });
  }

  private async apply(topic: string, workspace: WorkspaceView, reason: string): Promise<void> {
    const { namespace } = workspace;
    switch (topic) {
      case DebtTopic.SuspendWallet:
      case SpendingCapTopic.Suspend:
      case ManualTopic.Suspend:
        this.suspender.assertMayStop(namespace);
        await this.setState(namespace, 'SUSPENDING');
        await this.suspender.suspend(namespace, reason);
        await this.setState(namespace, 'SUSPENDED');
        if (workspace.state !== 'SUSPENDED')
          await this.announce('namespace.suspended', workspace, reason);
        return;
      case DebtTopic.ResumeWallet:
      case SpendingCapTopic.Resume:
      case ManualTopic.Resume:
        await this.setState(namespace, 'RESUMING');
        await this.suspender.resume(namespace);
        await this.setState(namespace, 'ACTIVE');
        if (workspace.state !== 'ACTIVE')
          await this.announce('namespace.resumed', workspace, reason);
        return;
      case DebtTopic.ReclaimWallet:
        this.suspender.assertMayStop(namespace);
        await this.suspender.reclaim(namespace);
        return;
      default:
        throw new Error(`unknown suspension topic ${topic}`);
    }
  }

  private async setState(namespace: string, state: NamespaceState): Promise<void> {
    await this.rpc.send('account.workspaces.setState', {
      principal: METERING,
      input: { namespace, state },
    });
  }

  private announce(
    type: 'namespace.suspended' | 'namespace.resumed',
    workspace: WorkspaceView,
    reason: string,
  ): Promise<void> {
    const data = { namespace: workspace.namespace, walletId: workspace.walletId, reason };
    return this.debts.publish([outbound(workspace.tenantId, type, data)]);
  }
}
