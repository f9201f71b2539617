// npm run console:schema: writes the GraphQL schema the gateway serves to
// apps/console/schema.graphql, the file the console's typed operations are generated from
// (apps/console/codegen.ts). The gateway's own module builds it, as at start-up, without
// listening: nothing needs to run. test/console/console-schema.test.ts fails when the file and
// the served schema differ.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printServedSchema } from '@tally/gateway/console/served-schema';
import { loadGatewayConfig } from '@tally/gateway/gateway.config';
import { GatewayModule } from '@tally/gateway/gateway.module';

const SCHEMA_FILE = join(__dirname, '..', 'apps', 'console', 'schema.graphql');

async function main(): Promise<void> {
  const app = await NestFactory.create(GatewayModule.forRoot(loadGatewayConfig()), {
    logger: ['error'],
  });
  await app.init();
  writeFileSync(SCHEMA_FILE, printServedSchema(app.get(GraphQLSchemaHost).schema));
  await app.close();
  console.log(`[tally] wrote ${SCHEMA_FILE}`);
}

void main();
