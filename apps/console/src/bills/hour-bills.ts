import { parseMoney } from '../money/money';

/** One resource's settled usage of one namespace-hour (Workspace.usage). */
export interface HourLine {
  readonly namespace: string;
  readonly hour: string;
  readonly resource: string;
  readonly quantity: string;
  readonly amount: string;
}

/** An hour's lines, by namespace then resource, and their total in micro-units. */
export interface HourBill {
  readonly hour: string;
  readonly lines: readonly HourLine[];
  readonly total: bigint;
}

/** Every namespace's lines of a day as one bill per hour, oldest first, summed exactly. */
export function hourBills(lines: readonly HourLine[]): HourBill[] {
  const byHour = new Map<string, HourLine[]>();
  for (const line of lines) {
    const hour = new Date(line.hour).toISOString();
    byHour.set(hour, [...(byHour.get(hour) ?? []), line]);
  }
  return [...byHour]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([hour, ofHour]) => ({
      hour,
      lines: [...ofHour].sort(
        (a, b) => a.namespace.localeCompare(b.namespace) || a.resource.localeCompare(b.resource),
      ),
      total: ofHour.reduce((sum, line) => sum + parseMoney(line.amount), 0n),
    }));
}
