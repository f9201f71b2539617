/** The q-quantile (0.5: median, 0.99: p99) of latencies, nearest rank; sorts a copy. */
export function quantile(latencies: readonly number[], q: number): number {
  const sorted = [...latencies].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
