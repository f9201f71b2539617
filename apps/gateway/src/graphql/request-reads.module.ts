import { Module } from '@nestjs/common';
import { RequestReadsFactory } from './request-reads';

/** One RequestReadsFactory for every resolver module, so all fields share a request's reads. */
@Module({ providers: [RequestReadsFactory], exports: [RequestReadsFactory] })
export class RequestReadsModule {}
