import pino, { Logger } from 'pino';
import { currentRequestId } from './request-context';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/**
 * One JSON logger per process. Every line carries the app name and, inside a request, job
 * or RPC call, the request id that travelled with it.
 *
 * Lines go to stdout asynchronously. pino's default is a blocking write(2) per line on the
 * event loop: cheap while the pipe has room (microseconds), but whenever its reader (the
 * container runtime, a log shipper, the test harness) falls behind, every request of the
 * process waits behind the access log line. Lines written while one write is in flight go out
 * with the next; pino flushes what is left as the process exits (a SIGKILL loses at most the
 * lines of the last write).
 */
export function createLogger(app: string, level: LogLevel): Logger {
  return pino(
    {
      level,
      base: { app },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => {
        const requestId = currentRequestId();
        return requestId === undefined ? {} : { requestId };
      },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["stripe-signature"]',
        ],
        censor: '[redacted]',
      },
    },
    pino.destination({ dest: 1, sync: false }),
  );
}
