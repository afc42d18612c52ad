// A real SMTP server on 127.0.0.1 for tests (smtp-server), keeping each message it accepts parsed
// with mailparser. `failNext(n, code)` refuses the next n messages (a temporary 451 by default).
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type TReceived = { envelopeTo: string[]; raw: Buffer; mail: ParsedMail };

export async function startSmtpReceiver() {
  const received: TReceived[] = [];
  let failures: { left: number; code: number } = { left: 0, code: 451 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failures.left > 0) {
          failures.left--;
          const error = new Error(failures.code >= 500 ? 'mailbox unavailable' : 'try again later') as Error & { responseCode: number };
          error.responseCode = failures.code;
          return callback(error);
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw, { keepCidLinks: true })
          .then((mail) => {
            received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw, mail });
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    failNext(count: number, code = 451) {
      failures = { left: count, code };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
