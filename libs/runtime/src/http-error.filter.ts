import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, httpStatusOf, toPublicError } from '@tally/errors';
import type { Response } from 'express';

const codeForStatus: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.BAD_USER_INPUT,
  429: ErrorCode.RATE_LIMITED,
};

/**
 * REST routes (health, webhooks) answer errors as `{ error: { code, message } }` with the
 * HTTP status of the code. GraphQL errors never reach this filter: Apollo formats them.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const response = host.switchToHttp().getResponse<Response>();
    const reply = toPublicError(this.asDomainError(error), (errorId, cause) =>
      this.logger.error({ err: cause, errorId }, 'unhandled error in HTTP handler'),
    );
    response.status(statusOf(error) ?? httpStatusOf(reply.code)).json({ error: reply });
  }

  // Framework errors (body too large, malformed JSON, unknown route) are the caller's doing.
  private asDomainError(error: unknown): unknown {
    const status = statusOf(error);
    const code = status === undefined ? undefined : codeForStatus[status];
    return code === undefined ? error : new DomainError(code, (error as Error).message);
  }
}

// body-parser's errors (http-errors) are not HttpExceptions but carry `status` and mark
// messages safe to show with `expose`.
function statusOf(error: unknown): number | undefined {
  if (error instanceof HttpException) return error.getStatus();
  if (error instanceof Error && 'status' in error && 'expose' in error && error.expose === true) {
    return typeof error.status === 'number' ? error.status : undefined;
  }
  return undefined;
}
