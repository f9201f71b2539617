import { Controller, Get, Logger, Param, Req, Res } from '@nestjs/common';
import { DomainError, ErrorCode, notFound } from '@tally/errors';
import { RpcClient } from '@tally/transport';
import type { Request, Response } from 'express';
import { RateLimits } from '../auth/rate-limits';
import { ExportTickets } from './export-tickets';
import { ledgerEntriesCsv } from './ledger-entries.csv';
import { streamResponse } from './stream-response';

/**
 * The downloads of export links (`CsvExport.url`). The ticket is the credential, good once:
 * the CSV is read with the rights of whoever created the link, checked again as it is read.
 * An unknown, used or expired link answers 404 NOT_FOUND.
 */
@Controller()
export class ExportsController {
  private readonly logger = new Logger('Exports');

  constructor(
    private readonly rpc: RpcClient,
    private readonly tickets: ExportTickets,
    private readonly limits: RateLimits,
  ) {}

  @Get('/exports/:ticket')
  async download(
    @Param('ticket') ticket: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.limits.admitIp(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    const order = await this.tickets.redeem(ticket);
    if (order === null) {
      throw new DomainError(
        ErrorCode.NOT_FOUND,
        'This export link is unknown, expired or already used: create a new one',
        { reason: 'EXPORT_LINK_GONE' },
      );
    }
    const [wallet] = await this.rpc.send('account.wallets.byIds', {
      principal: order.principal,
      input: { ids: [order.walletId] },
    });
    if (wallet === undefined) throw notFound('Wallet', order.walletId);
    await streamResponse(
      res,
      ledgerEntriesCsv(this.rpc, order, wallet.currency),
      (started) =>
        started
          .status(200)
          .type('text/csv; charset=utf-8')
          .setHeader('content-disposition', `attachment; filename="ledger-${wallet.id}.csv"`)
          .setHeader('cache-control', 'private, no-store'),
      (error) => this.logger.error({ err: error, walletId: wallet.id }, 'export broken off'),
    );
  }
}
