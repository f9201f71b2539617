import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { READINESS_CHECKS, ReadinessCheck, runChecks } from './health';
import { Metrics } from './metrics';

const READINESS_TIMEOUT_MS = 1500;

@Controller()
export class ObservabilityController {
  constructor(
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
    private readonly metrics: Metrics,
  ) {}

  /** Alive: the event loop answers. Orchestrators restart the process when it does not. */
  @Get('healthz')
  healthz() {
    return { status: 'ok' };
  }

  /** Ready: every dependency answers. Load balancers stop sending work while it is false. */
  @Get('readyz')
  async readyz(@Res({ passthrough: true }) res: Response) {
    const checks = await runChecks(this.checks, READINESS_TIMEOUT_MS);
    const ready = checks.every((c) => c.ok);
    res.status(ready ? 200 : 503);
    return { ready, checks };
  }

  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async metricsText(@Res({ passthrough: true }) res: Response) {
    res.type(this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
