import { Inject, Injectable } from '@nestjs/common';
import { METERING_CONFIG, type MeteringConfig } from './metering.config';

/**
 * Named crash points for the exactly-once tests: `TALLY_FAILPOINTS=settlement.after-post@3`
 * makes the third pass through `settlement.after-post` kill the process with SIGKILL, as a
 * power cut would, with no chance to clean up. Inert unless NODE_ENV=test.
 */
@Injectable()
export class Failpoints {
  private readonly armed = new Map<string, number>();

  constructor(@Inject(METERING_CONFIG) config: MeteringConfig) {
    if (config.TALLY_FAILPOINTS === undefined) return;
    if (config.NODE_ENV !== 'test') throw new Error('TALLY_FAILPOINTS is for tests only');
    for (const spec of config.TALLY_FAILPOINTS.split(',')) {
      const [name, count = '1'] = spec.trim().split('@');
      this.armed.set(name, Number(count));
    }
  }

  hit(name: string): void {
    const remaining = this.armed.get(name);
    if (remaining === undefined) return;
    if (remaining > 1) {
      this.armed.set(name, remaining - 1);
      return;
    }
    process.kill(process.pid, 'SIGKILL');
  }
}
