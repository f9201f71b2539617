import { access, writeFile } from 'node:fs/promises';
import { formatMicros, parseMicros } from '@tally/money';
import { GatewayClient } from '@tally/simulator/tenants/gateway-client';

const HOUR_MS = 3_600_000;
const LOADED_POLL_MS = 1_000;

export interface HistorySettlement {
  readonly gateway: Pick<GatewayClient, 'request'>;
  readonly adminKey: string;
  /** The backfilled hours [from, until), rounded down to whole hours. */
  readonly from: Date;
  readonly until: Date;
  /** Written once every hour is settled; a start that finds it settles nothing again. */
  readonly settledFile: string;
  /**
   * Written by npm start once Prometheus serves the history, which it imports in the background
   * of the first start: an hour settled before its samples are in would be charged nothing.
   */
  readonly loadedFile?: string;
  readonly log: (line: string) => void;
  readonly pollMs?: number;
}

/**
 * Settles the backfilled history once the demo tenants own its namespaces, oldest hour first,
 * through the public `settleHour` mutation as a platform admin would. Before that, settlement
 * would price the history while no workspace claims it and post nothing for it (an hour is
 * settled once); npm start therefore starts metering's own settlement at the first live hour
 * (TALLY_SETTLEMENT_FIRST_HOUR) and leaves the history to this. Each call is idempotent, so an
 * interrupted first start simply settles again on the next.
 */
export async function settleHistory(options: HistorySettlement): Promise<void> {
  if (await exists(options.settledFile)) return;
  if (options.loadedFile) await untilLoaded(options.loadedFile, options);
  const hours = wholeHours(options.from, options.until);
  options.log(`settling ${hours.length} hours of history, oldest first`);
  let charged = 0n;
  for (const hour of hours) {
    const { settleHour } = await options.gateway.request<{ settleHour: { charged: string } }>(
      'settleHour',
      options.adminKey,
      'mutation ($hour: DateTime!) { settleHour(hour: $hour) { charged } }',
      { hour: hour.toISOString() },
    );
    charged += parseMicros(settleHour.charged);
  }
  await writeFile(
    options.settledFile,
    `${hours.length} hours settled up to ${options.until.toISOString()}\n`,
  );
  options.log(`settled ${hours.length} hours of history (${formatMicros(charged)} charged)`);
}

/** Every whole hour from `from`'s hour up to, not including, `until`'s. */
export function wholeHours(from: Date, until: Date): Date[] {
  const hours: Date[] = [];
  const end = Math.floor(until.getTime() / HOUR_MS) * HOUR_MS;
  for (let t = Math.floor(from.getTime() / HOUR_MS) * HOUR_MS; t < end; t += HOUR_MS) {
    hours.push(new Date(t));
  }
  return hours;
}

async function untilLoaded(
  loadedFile: string,
  { log, pollMs = LOADED_POLL_MS }: HistorySettlement,
): Promise<void> {
  if (await exists(loadedFile)) return;
  log('waiting for the history to be in Prometheus before settling it');
  while (!(await exists(loadedFile))) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
