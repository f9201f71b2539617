import { formatAmount, sumAmounts } from '../money/money';
import type { BarSeries } from './bar-chart';

/** One resource's usage and charge in one hour, as the API's UsageLine. */
export interface HourLine {
  readonly hour: string;
  readonly resource: string;
  readonly quantity: string;
  readonly amount: string;
}

// One colour per resource, dark enough for text beside it on white.
const COLORS: Readonly<Record<string, string>> = {
  CPU: '#1d4ed8',
  MEMORY: '#7c3aed',
  STORAGE: '#0f766e',
  GPU: '#b91c1c',
  NETWORK_EGRESS: '#c2410c',
  NODEPORT: '#4d7c0f',
};

/** Every hour of [from, to) (UTC), oldest first, as the API writes an instant. */
export function hoursOf(from: string, to: string): string[] {
  const hours: string[] = [];
  for (let t = Date.parse(from); t < Date.parse(to); t += 3_600_000) {
    hours.push(new Date(t).toISOString());
  }
  return hours;
}

/** The charges of each resource per hour, an hour without a line being zero. */
export function resourceSeries(lines: readonly HourLine[], hours: readonly string[]): BarSeries[] {
  const resources = [...new Set(lines.map((line) => line.resource))];
  return resources.map((resource) => ({
    name: resource,
    color: COLORS[resource] ?? '#374151',
    amounts: hours.map((hour) =>
      sumAmounts(
        lines
          .filter(
            (line) => line.resource === resource && Date.parse(line.hour) === Date.parse(hour),
          )
          .map((line) => line.amount),
      ),
    ),
  }));
}

/** The sum of the lines' charges, exact, with the currency. */
export function totalOf(lines: readonly HourLine[], currency: string): string {
  return formatAmount(sumAmounts(lines.map((line) => line.amount)), currency);
}
