import { DynamicModule, Module } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { PrismaService } from '@tally/prisma';
import { QueueModule, QueueName, SequenceGate } from '@tally/queue';
import { serviceFoundation, serviceHealthController } from '@tally/runtime';
import { ServiceName, TransportModule } from '@tally/transport';
import { AlertAccess } from './alerts/alert-access';
import { AlertRepository } from './alerts/alert.repository';
import { AlertsController } from './alerts/alerts.controller';
import { CreateAlert } from './alerts/create-alert';
import { EvaluateAlerts } from './alerts/evaluate-alerts';
import { SendAlertNotice } from './alerts/send-alert-notice';
import { WalletAlerts } from './alerts/wallet-alerts';
import { DebtEvaluationProcessor } from './debt/debt-evaluation.processor';
import { DebtNoticeProcessor } from './debt/debt-notice.processor';
import { MAILER, SendDebtNotice } from './debt/send-debt-notice';
import { DebtRepository } from './debt/debt.repository';
import { DebtBoardController } from './debt-board/debt-board.controller';
import { DebtBoardRepository } from './debt-board/debt-board.repository';
import { ListDebtBoard } from './debt-board/list-debt-board';
import { EvaluateWallets } from './debt/evaluate-wallets';
import { WalletSuspensionProcessor } from './debt/wallet-suspension.processor';
import { EvaluateSpendingCaps } from './spending-caps/evaluate-spending-caps';
import { SendCapNotice } from './spending-caps/send-cap-notice';
import { SpendingCapRepository } from './spending-caps/spending-cap.repository';
import { SpendingCapsController } from './spending-caps/spending-caps.controller';
import { Failpoints } from './failpoints';
import { ManualHoldRepository } from './manual-holds/manual-hold.repository';
import { ManualHoldsController } from './manual-holds/manual-holds.controller';
import { ResumeByHand } from './manual-holds/resume-by-hand';
import { SuspendByHand } from './manual-holds/suspend-by-hand';
import { KubeClient } from './kube/kube-client';
import { loadKubeConfig } from './kube/kube-config';
import { meteringOutboxRelay } from './metering-outbox';
import { NamespaceInspector } from './namespaces/namespace-inspector';
import { NamespacesController } from './namespaces/namespaces.controller';
import { enabledSources, METERING_CONFIG, MeteringConfig } from './metering.config';
import { LedgerClient } from './peers/ledger.client';
import { PriceBooks } from './peers/price-books';
import { CheckLedger } from './reconciliation/check-ledger';
import { CorrectCharges } from './reconciliation/correct-charges';
import { CrossCheckSources } from './reconciliation/cross-check-sources';
import { Reconcile } from './reconciliation/reconcile';
import { ReconciliationController } from './reconciliation/reconciliation.controller';
import { ReconciliationProcessor } from './reconciliation/reconciliation.processor';
import { ReconciliationRepository } from './reconciliation/reconciliation.repository';
import { WorkspaceDirectory } from './peers/workspace-directory';
import { DueHours } from './settlement/due-hours';
import { FreezeHour } from './settlement/freeze-hour';
import { SampleHour } from './settlement/sample-hour';
import { PostCharges } from './settlement/post-charges';
import { SettleHour } from './settlement/settle-hour';
import { SettlementController } from './settlement/settlement.controller';
import { SettlementProcessor } from './settlement/settlement.processor';
import { SettlementRepository } from './settlement/settlement.repository';
import { SuspensionModule } from './suspension/suspension.module';
import { RecordSamples } from './usage/record-samples';
import { UsageController } from './usage/usage.controller';
import { UsageLines } from './usage/usage-lines';
import { UsageRepository } from './usage/usage.repository';
import { HOURLY_SOURCE } from './usage/hour-sampler';
import { HubbleRunner } from './sources/hubble-runner';
import { createPrometheusSource } from './sources/prometheus/create-prometheus-source';
import { FlowCountRepository } from './usage/flow-count.repository';
import { AccruePending } from './pending/accrue-pending';
import { LiveBalances } from './pending/live-balances';
import { WalletPendingPublisher } from './peers/wallet-pending.publisher';
import { DailySpend } from './spend/daily-spend';
import { SpendController } from './spend/spend.controller';
import { SpendRepository } from './spend/spend.repository';
import { OpenHourUsage } from './pending/open-hour-usage';
import { PendingAccrualProcessor } from './pending/pending-accrual.processor';
import { PendingController } from './pending/pending.controller';
import { PendingRepository } from './pending/pending.repository';

@Module({})
export class MeteringModule {
  static forRoot(config: MeteringConfig): DynamicModule {
    return {
      module: MeteringModule,
      imports: [
        ...serviceFoundation(ServiceName.Metering, config),
        QueueModule.forRoot(config.REDIS_URL, [
          QueueName.Settlement,
          QueueName.Reconciliation,
          QueueName.PendingAccrual,
          QueueName.DebtEvaluation,
          QueueName.Suspension,
          QueueName.Notifications,
          QueueName.OutboundEvents,
          QueueName.AuditTrail,
        ]),
        SuspensionModule.forRoot(config),
        TransportModule.forClient({
          redisUrl: config.REDIS_URL,
          prefix: config.TALLY_TRANSPORT_PREFIX,
          timeoutMs: config.TALLY_RPC_TIMEOUT_MS,
        }),
      ],
      controllers: [
        serviceHealthController(ServiceName.Metering),
        UsageController,
        SettlementController,
        ReconciliationController,
        NamespacesController,
        PendingController,
        AlertsController,
        SpendingCapsController,
        SpendController,
        DebtBoardController,
        ManualHoldsController,
      ],
      providers: [
        { provide: METERING_CONFIG, useValue: config },
        ...(enabledSources(config).has('prometheus')
          ? [{ provide: HOURLY_SOURCE, useFactory: () => createPrometheusSource(config) }]
          : []),
        {
          provide: NamespaceInspector,
          useFactory: async () =>
            new NamespaceInspector(
              await KubeClient.create(loadKubeConfig(config.KUBECONFIG), {
                requestTimeoutMs: config.TALLY_KUBE_REQUEST_TIMEOUT_MS,
                maxSockets: 4,
              }),
            ),
        },
        FlowCountRepository,
        HubbleRunner,
        Failpoints,
        LedgerClient,
        WalletPendingPublisher,
        PriceBooks,
        WorkspaceDirectory,
        UsageRepository,
        RecordSamples,
        UsageLines,
        SettlementRepository,
        FreezeHour,
        SampleHour,
        PostCharges,
        SettleHour,
        DueHours,
        SettlementProcessor,
        ReconciliationRepository,
        CorrectCharges,
        CrossCheckSources,
        CheckLedger,
        Reconcile,
        ReconciliationProcessor,
        PendingRepository,
        OpenHourUsage,
        AccruePending,
        LiveBalances,
        PendingAccrualProcessor,
        DebtRepository,
        DebtBoardRepository,
        ListDebtBoard,
        AlertRepository,
        AlertAccess,
        EvaluateAlerts,
        CreateAlert,
        WalletAlerts,
        EvaluateWallets,
        DebtEvaluationProcessor,
        { provide: MAILER, useFactory: () => createTransport(config.SMTP_URL) },
        {
          provide: SequenceGate,
          useFactory: (prisma: PrismaService) => new SequenceGate(prisma, 'metering'),
          inject: [PrismaService],
        },
        SendDebtNotice,
        SendAlertNotice,
        DebtNoticeProcessor,
        SpendingCapRepository,
        EvaluateSpendingCaps,
        SpendRepository,
        DailySpend,
        SendCapNotice,
        WalletSuspensionProcessor,
        ManualHoldRepository,
        SuspendByHand,
        ResumeByHand,
        meteringOutboxRelay,
      ],
    };
  }
}
