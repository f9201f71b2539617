import { SMTPServer } from 'smtp-server';
import { freePort } from './ports';

export interface ReceivedMail {
  readonly to: string[];
  readonly raw: string;
}

/** A real SMTP server on a free local port that keeps every message it is sent. */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly url: string,
  ) {}

  /**
   * `refuseFirst`: messages for which it answers true are refused once with a temporary error
   * (451), as a busy mail server does; the sender's retry is accepted.
   */
  static async start({
    refuseFirst,
  }: { refuseFirst?: (raw: string) => boolean } = {}): Promise<SmtpSink> {
    const port = await freePort();
    const sink: { current?: SmtpSink } = {};
    const refused = new Set<string>();
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        stream.on('end', () => {
          const messageId = /^Message-ID: (.*)$/im.exec(raw)?.[1] ?? raw;
          if (refuseFirst?.(raw) && !refused.has(messageId)) {
            refused.add(messageId);
            callback(Object.assign(new Error('busy, try again later'), { responseCode: 451 }));
            return;
          }
          sink.current!.messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    sink.current = new SmtpSink(server, `smtp://127.0.0.1:${port}`);
    return sink.current;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
