import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcData, type RpcRequest } from '@tally/transport';
import { ReadAuditLog } from './read-audit-log';

@Controller()
export class AuditController {
  constructor(private readonly readAuditLog: ReadAuditLog) {}

  @MessagePattern('account.audit.page')
  page(@RpcData() request: RpcRequest<'account.audit.page'>) {
    return this.readAuditLog.execute(request);
  }
}
