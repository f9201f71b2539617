import type { ApolloServerPlugin } from '@apollo/server';
import { graphqlIdePage } from './graphql-ide.page';

/**
 * Apollo answers a browser's GET of the GraphQL path (Accept: text/html, no query) with its
 * landing page, before its CSRF check; this makes that page our local GraphiQL.
 */
export function graphqlIdePlugin(graphqlPath: string): ApolloServerPlugin {
  const html = graphqlIdePage(graphqlPath);
  return {
    serverWillStart() {
      return Promise.resolve({ renderLandingPage: () => Promise.resolve({ html }) });
    },
  };
}
