import { Injectable } from '@nestjs/common';
import {
  RpcClient,
  type LedgerAuditView,
  type PostedByKeyView,
  type PostingRequest,
  type PostingResult,
} from '@tally/transport';
import { METERING } from './metering-principal';

// A batch of a few thousand postings takes the account service well under a second; the
// default deadline is for interactive calls.
const POSTING_TIMEOUT_MS = 60_000;

/** The account service's ledger, as metering uses it. */
@Injectable()
export class LedgerClient {
  constructor(private readonly rpc: RpcClient) {}

  postBatch(postings: readonly PostingRequest[]): Promise<PostingResult[]> {
    return this.rpc.send(
      'account.ledger.postBatch',
      { principal: METERING, input: { postings } },
      { timeoutMs: POSTING_TIMEOUT_MS },
    );
  }

  byKeys(keys: readonly string[]): Promise<PostedByKeyView[]> {
    return this.rpc.send('account.ledger.byKeys', { principal: METERING, input: { keys } });
  }

  audit(): Promise<LedgerAuditView> {
    return this.rpc.send(
      'account.ledger.audit',
      { principal: METERING, input: {} },
      { timeoutMs: POSTING_TIMEOUT_MS },
    );
  }
}
