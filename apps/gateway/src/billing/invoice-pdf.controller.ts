import { Controller, Get, Param, Req, Res, UseGuards } from '@nestjs/common';
import { notFound } from '@tally/errors';
import { RpcClient } from '@tally/transport';
import type { Request, Response } from 'express';
import { HttpAuthGuard } from '../auth/http-auth.guard';
import { principalOf } from '../auth/principal-of';

/**
 * An invoice's PDF (the `pdfUrl` of Invoice), with the same bearer authentication as GraphQL.
 * Anyone who may not read the invoice's tenant gets 404, as for an invoice that does not exist.
 */
@Controller()
export class InvoicePdfController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('/invoices/:id/pdf')
  @UseGuards(HttpAuthGuard)
  async pdf(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = principalOf(req)!;
    const found = await this.rpc.send('billing.invoices.pdf', { principal, input: { id } });
    if (found === null) throw notFound('Invoice', id);
    res
      .status(200)
      .type('application/pdf')
      .setHeader('content-disposition', `inline; filename="invoice-${found.number}.pdf"`)
      .setHeader('cache-control', 'private, no-store')
      .send(Buffer.from(found.pdfBase64, 'base64'));
  }
}
