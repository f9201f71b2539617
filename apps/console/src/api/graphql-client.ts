import type { TypedDocumentString } from '../gql/graphql';

/** The gateway's GraphQL endpoint, on the console's own origin. */
const GRAPHQL_PATH = '/graphql';

/** A refusal of the API, with its `extensions.code` (UNAUTHENTICATED, FORBIDDEN, ...). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface GraphQLReply<R> {
  readonly data?: R | null;
  readonly errors?: readonly { message: string; extensions?: { code?: string } }[];
}

/**
 * Runs one typed operation as the signed-in user. JSON with `content-type: application/json`
 * is also what Apollo's CSRF prevention asks of a browser's request.
 */
export async function runOperation<R, V>(
  document: TypedDocumentString<R, V>,
  variables: V,
  token: string,
): Promise<R> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw new ApiError('NETWORK', 'The API could not be reached');
  }
  const reply = await replyOf<R>(response);
  const [error] = reply.errors ?? [];
  if (error !== undefined) throw new ApiError(error.extensions?.code ?? 'INTERNAL', error.message);
  if (reply.data == null) throw new ApiError('INTERNAL', 'The API answered without data');
  return reply.data;
}

async function replyOf<R>(response: Response): Promise<GraphQLReply<R>> {
  try {
    return (await response.json()) as GraphQLReply<R>;
  } catch {
    throw new ApiError(`HTTP_${response.status}`, `The API answered HTTP ${response.status}`);
  }
}
