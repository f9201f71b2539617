/** An error the public API answered with, its extensions.code kept for the caller. */
export class GatewayError extends Error {
  constructor(
    readonly operation: string,
    readonly code: string,
    message: string,
  ) {
    super(`${operation}: ${code}: ${message}`);
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The gateway's public GraphQL API, as any integrator calls it. */
export class GatewayClient {
  constructor(private readonly url: string) {}

  /** `operation` names the call in errors (the mutation or query field). */
  async request<T>(
    operation: string,
    token: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const response = await fetch(new URL('/graphql', this.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLBody<T>;
    const [error] = body.errors ?? [];
    if (error)
      throw new GatewayError(operation, error.extensions?.code ?? 'UNKNOWN', error.message);
    if (!body.data) throw new GatewayError(operation, `HTTP_${response.status}`, 'no data');
    return body.data;
  }
}
