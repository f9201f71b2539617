import type { GateDecision, SequenceGate } from '@tally/queue';

/**
 * A SequenceGate for use cases' specs: answers the decision it is given and, on 'go', runs
 * the delivery; every step is logged ("turn <key> <n>", "sent …", "failed …").
 */
export class FakeSequenceGate implements Pick<SequenceGate, 'inTurn'> {
  readonly log: string[] = [];

  constructor(public decision: GateDecision = 'go') {}

  async inTurn(
    key: string,
    sequence: number,
    _options: unknown,
    send: () => Promise<void>,
  ): ReturnType<SequenceGate['inTurn']> {
    this.log.push(`turn ${key} ${sequence}`);
    if (this.decision !== 'go') return this.decision;
    try {
      await send();
    } catch (error) {
      this.log.push(`failed ${key} ${sequence}`);
      throw error;
    }
    this.log.push(`sent ${key} ${sequence}`);
    return 'sent';
  }
}
