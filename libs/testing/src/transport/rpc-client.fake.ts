import type { IRpcClient, RpcPattern, RpcRequest, RpcResponse } from '@tally/transport';

type Answer<P extends RpcPattern> = (
  data: RpcRequest<P>,
) => RpcResponse<P> | Promise<RpcResponse<P>>;

/**
 * A message client that answers from handlers a spec registers per pattern, and records
 * every call as [pattern, data]. A pattern without an answer fails the call.
 */
export class FakeRpcClient implements IRpcClient {
  readonly calls: [RpcPattern, unknown][] = [];
  private readonly answers = new Map<RpcPattern, (data: never) => unknown>();

  answer<P extends RpcPattern>(pattern: P, answer: Answer<P>): this {
    this.answers.set(pattern, answer);
    return this;
  }

  async send<P extends RpcPattern>(pattern: P, data: RpcRequest<P>): Promise<RpcResponse<P>> {
    this.calls.push([pattern, data]);
    const answer = this.answers.get(pattern) as Answer<P> | undefined;
    if (answer === undefined) throw new Error(`FakeRpcClient has no answer for ${pattern}`);
    return answer(data);
  }
}
