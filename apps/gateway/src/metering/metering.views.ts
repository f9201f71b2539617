import { parseWireMicros } from '@tally/money';
import type {
  DailySpendView,
  ReconciliationReportView,
  SettlementRunView,
  UsageLineView,
} from '@tally/transport';
import { Resource } from '../billing/billing.models';
import { DailySpend, ReconciliationReport, SettlementRun, UsageLine } from './metering.models';

export function toUsageLine(view: UsageLineView): UsageLine {
  return {
    namespace: view.namespace,
    hour: new Date(view.hour),
    resource: view.resource as Resource,
    quantity: view.quantity,
    amount: parseWireMicros(view.amountMicros),
  };
}

export function toSettlementRun(view: SettlementRunView): SettlementRun {
  return {
    id: view.id,
    hour: new Date(view.hour),
    namespaces: view.namespaces,
    charged: parseWireMicros(view.chargedMicros),
    status: view.status,
    startedAt: new Date(view.startedAt),
    finishedAt: view.finishedAt === null ? null : new Date(view.finishedAt),
    error: view.error,
  };
}

export function toReconciliationReport(view: ReconciliationReportView): ReconciliationReport {
  return {
    ...view,
    fromHour: new Date(view.fromHour),
    toHour: new Date(view.toHour),
    adjusted: parseWireMicros(view.adjustedMicros),
    findings: view.findings.map((finding) => ({
      kind: finding.kind,
      action: finding.action ?? null,
      namespace: finding.namespace ?? null,
      hour: finding.hour === undefined ? null : new Date(finding.hour),
      detail: finding.detail,
    })),
    startedAt: new Date(view.startedAt),
    finishedAt: view.finishedAt === null ? null : new Date(view.finishedAt),
  };
}

export function toDailySpend(view: DailySpendView): DailySpend {
  return { day: view.day, key: view.key, amount: parseWireMicros(view.amountMicros) };
}
