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

/** An API key acts inside one tenant: this checks the key and the tenant id together. */
export const ApiKeyTenantQuery = graphql(`
  query ApiKeyTenant($tenantId: ID!) {
    tenant(id: $tenantId) {
      id
      name
    }
  }
`);
