import { Module } from '@nestjs/common';
import { GraphqlIdeAssetsController } from './graphql-ide.controller';

/** Serves the IDE's assets; GatewayModule imports it outside production only. */
@Module({ controllers: [GraphqlIdeAssetsController] })
export class GraphqlIdeModule {}
