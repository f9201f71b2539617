/** One series of a range query: its labels and [unix seconds, value] points in time order. */
export interface RangeSeries {
  readonly labels: Readonly<Record<string, string>>;
  readonly points: readonly (readonly [seconds: number, value: number])[];
}

export class PrometheusQueryError extends Error {
  constructor(
    readonly query: string,
    message: string,
  ) {
    super(`Prometheus query failed: ${message} (query: ${query})`);
    this.name = 'PrometheusQueryError';
  }
}

interface QueryRangeResponse {
  status: 'success' | 'error';
  error?: string;
  data?: {
    resultType: string;
    result: { metric: Record<string, string>; values: [number, string][] }[];
  };
}

/** The HTTP API's `/api/v1/query_range`, and nothing else Tally does not need. */
export class PrometheusClient {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 30_000,
  ) {}

  async queryRange(
    query: string,
    start: Date,
    end: Date,
    stepSeconds: number,
  ): Promise<RangeSeries[]> {
    // POST with a form body: configured PromQL can outgrow a URL.
    const body = new URLSearchParams({
      query,
      start: String(start.getTime() / 1000),
      end: String(end.getTime() / 1000),
      step: String(stepSeconds),
    });
    let response: Response;
    try {
      response = await fetch(new URL('/api/v1/query_range', this.baseUrl), {
        method: 'POST',
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new PrometheusQueryError(query, error instanceof Error ? error.message : String(error));
    }
    const payload = (await response.json().catch(() => undefined)) as
      QueryRangeResponse | undefined;
    if (!response.ok || payload?.status !== 'success' || !payload.data) {
      throw new PrometheusQueryError(query, payload?.error ?? `HTTP ${response.status}`);
    }
    if (payload.data.resultType !== 'matrix') {
      throw new PrometheusQueryError(query, `expected a matrix, got ${payload.data.resultType}`);
    }
    return payload.data.result.map(({ metric, values }) => ({
      labels: metric,
      points: values.map(([seconds, value]) => [seconds, Number(value)] as const),
    }));
  }
}
