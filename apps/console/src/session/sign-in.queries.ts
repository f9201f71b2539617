import { graphql } from '../gql';

/** A JWT's person and the tenants they belong to. */
export const SignedInUserQuery = graphql(`
  query SignedInUser {
    me {
      id
      externalId
      email
      platformRole
      memberships {
        role
        tenant {
          id
          name
        }
      }
    }
  }
`);

/** An API key acts inside one tenant: the key is checked and its tenant found in one query. */
export const ApiKeyTenantQuery = graphql(`
  query ApiKeyTenant {
    apiKeyTenant {
      id
      name
    }
  }
`);
