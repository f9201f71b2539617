import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  GraphQLNamedType,
  GraphQLSchema,
  GraphQLType,
  IntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { AppCluster } from '../support/app-processes';
import { RedisServer } from '../support/redis-server';

/**
 * The public GraphQL names must not drift: every type, field, argument and enum value of
 * docs/api-contract.graphql (a copy of the published contract) is served by the gateway with
 * the same type. The gateway may serve more than the contract, never less or different.
 */
interface FieldLike {
  readonly name: string;
  readonly type: GraphQLType;
  readonly args?: readonly { readonly name: string; readonly type: GraphQLType }[];
}

function fieldsOf(type: GraphQLNamedType | null | undefined): Record<string, FieldLike> {
  return isObjectType(type) || isInputObjectType(type) ? type.getFields() : {};
}

describe('the gateway serves the API contract', () => {
  let redis: RedisServer;
  let cluster: AppCluster;
  let served: GraphQLSchema;
  const contract = buildSchema(
    readFileSync(join(__dirname, '..', '..', 'docs', 'api-contract.graphql'), 'utf8'),
  );

  beforeAll(async () => {
    redis = await RedisServer.start();
    cluster = await AppCluster.start(['gateway'], {
      DATABASE_URL: process.env.DATABASE_URL!,
      REDIS_URL: redis.url,
    });
    const { body } = await cluster.graphql<IntrospectionQuery>(getIntrospectionQuery());
    expect(body.errors).toBeUndefined();
    served = buildClientSchema(body.data!);
  });
  afterAll(async () => {
    await cluster.stop();
    await redis.stop();
  });

  const contractTypes = () =>
    Object.values(contract.getTypeMap()).filter((type) => !type.name.startsWith('__'));

  it('has every type of the contract, of the same kind', () => {
    for (const type of contractTypes()) {
      const mine = served.getType(type.name);
      expect([type.name, mine?.constructor.name]).toEqual([type.name, type.constructor.name]);
    }
  });

  it('has every field and argument with the same type', () => {
    const missing: string[] = [];
    for (const type of contractTypes()) {
      const servedFields = fieldsOf(served.getType(type.name));
      for (const field of Object.values(fieldsOf(type))) {
        const servedField = servedFields[field.name] as FieldLike | undefined;
        if (String(servedField?.type) !== String(field.type)) {
          missing.push(
            `${type.name}.${field.name}: ${String(field.type)} (served: ${String(servedField?.type)})`,
          );
          continue;
        }
        for (const arg of field.args ?? []) {
          const servedArg = servedField?.args?.find((a) => a.name === arg.name);
          if (String(servedArg?.type) !== String(arg.type)) {
            missing.push(
              `${type.name}.${field.name}(${arg.name}: ${String(arg.type)}) served ${String(servedArg?.type)}`,
            );
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('has every enum value', () => {
    for (const type of contractTypes()) {
      if (!isEnumType(type)) continue;
      const mine = served.getType(type.name);
      const values = isEnumType(mine) ? mine.getValues().map((v) => v.name) : [];
      expect([type.name, values]).toEqual([
        type.name,
        expect.arrayContaining(type.getValues().map((v) => v.name)),
      ]);
    }
  });

  it('serves the contract scalars', () => {
    for (const type of contractTypes().filter(isScalarType)) {
      expect(isScalarType(served.getType(type.name))).toBe(true);
    }
  });
});
