import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one process: Node's own plus Tally's counters. */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'tally_http_requests_total',
    help: 'HTTP requests served, by route and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly rpcCalls = new Counter({
    name: 'tally_rpc_calls_total',
    help: 'Service messages handled (server) or sent (client), by pattern and outcome.',
    labelNames: ['side', 'pattern', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly rpcDuration = new Histogram({
    name: 'tally_rpc_duration_seconds',
    help: 'Time to answer a service message.',
    labelNames: ['side', 'pattern'] as const,
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [this.registry],
  });

  readonly jobs = new Counter({
    name: 'tally_jobs_total',
    help: 'Background jobs finished, by queue and outcome.',
    labelNames: ['queue', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
