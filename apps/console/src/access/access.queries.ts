import { graphql } from '../gql';

/** Who belongs to the tenant, and in which role. */
export const TenantMembersQuery = graphql(`
  query TenantMembers($tenantId: ID!) {
    tenant(id: $tenantId) {
      id
      name
      members {
        role
        user {
          id
          externalId
          email
        }
      }
    }
  }
`);

/** The tenant's API keys (owners and admins only): their prefixes, never their secrets. */
export const TenantApiKeysQuery = graphql(`
  query TenantApiKeys($tenantId: ID!) {
    tenant(id: $tenantId) {
      id
      apiKeys {
        id
        name
        prefix
        createdAt
        lastUsedAt
        revokedAt
      }
    }
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($tenantId: ID!, $name: String!) {
    createApiKey(tenantId: $tenantId, name: $name) {
      secret
      apiKey {
        id
        name
      }
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      revokedAt
    }
  }
`);

export const AddMemberMutation = graphql(`
  mutation AddMember($input: AddMemberInput!) {
    addMember(input: $input) {
      role
      user {
        id
      }
    }
  }
`);
