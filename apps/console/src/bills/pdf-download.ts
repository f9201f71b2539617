import { ApiError } from '../api/graphql-client';

/**
 * An invoice's PDF, fetched with the session's bearer token (the gateway asks for it as GraphQL
 * does, and a link cannot send a header), then handed to the browser as a download.
 */
export async function downloadPdf(path: string, token: string, filename: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    throw new ApiError('NETWORK', 'The API could not be reached');
  }
  if (!response.ok) {
    throw new ApiError(codeOf(response.status), `The PDF was refused: HTTP ${response.status}`);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // The download has its own copy once it started; the object URL is not needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function codeOf(status: number): string {
  switch (status) {
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    default:
      return `HTTP_${status}`;
  }
}
