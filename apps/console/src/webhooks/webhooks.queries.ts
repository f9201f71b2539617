import { graphql } from '../gql';

export const WebhookEndpointsQuery = graphql(`
  query WebhookEndpoints($tenantId: ID!) {
    webhookEndpoints(tenantId: $tenantId) {
      id
      url
      eventTypes
      createdAt
    }
  }
`);

/** One page of an endpoint's deliveries, newest first; the API pages with cursors. */
export const WebhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($endpointId: ID!, $first: Int!, $after: String) {
    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          eventType
          status
          createdAt
          attempts {
            attempt
            statusCode
            error
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CreateWebhookEndpointMutation = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        id
        url
      }
    }
  }
`);

export const DeleteWebhookEndpointMutation = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id) {
      id
    }
  }
`);
