import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations (`npm run console:codegen`): every `graphql(...)` document under src/ is
 * checked against schema.graphql, the schema the gateway serves (`npm run console:schema`), and
 * gets its result and variable types in src/gql/. Documents travel as plain strings: the
 * console needs no GraphQL runtime.
 */
const config: CodegenConfig = {
  schema: 'apps/console/schema.graphql',
  documents: ['apps/console/src/**/*.{ts,tsx}', '!apps/console/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'apps/console/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        // Money stays the decimal string it is on the wire: parsed only by src/money.
        scalars: { Money: 'string', DateTime: 'string' },
      },
    },
  },
};

export default config;
