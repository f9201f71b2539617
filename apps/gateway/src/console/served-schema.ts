import {
  buildClientSchema,
  type GraphQLSchema,
  introspectionFromSchema,
  type IntrospectionQuery,
  printSchema,
} from 'graphql';

/**
 * The schema as a client sees it, printed as SDL: through introspection, so a schema built in
 * process (scripts/console-schema.ts) and one introspected over HTTP print the same text.
 */
export function printServedSchema(schema: GraphQLSchema | IntrospectionQuery): string {
  const introspection = 'getTypeMap' in schema ? introspectionFromSchema(schema) : schema;
  return `${printSchema(buildClientSchema(introspection))}\n`;
}
