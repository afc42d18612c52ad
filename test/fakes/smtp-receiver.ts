// A real SMTP server on 127.0.0.1 (smtp-server) that requires a password and parses each message
// it accepts back with mailparser: what a mail server and a mail client would see.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type TReceived = { envelopeTo: string[]; mail: ParsedMail; raw: string };

export class SmtpReceiver {
  readonly received: TReceived[] = [];
  readonly authAttempts: { username: string; ok: boolean }[] = [];
  // recipients refused with a 550 (for good) or a 451 (try later)
  refuse = new Map<string, 450 | 451 | 550>();
  private constructor(
    private server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(options: { username: string; password: string; port?: number }): Promise<SmtpReceiver> {
    // the handlers run only once the server listens, after the instance exists
    const self: { receiver?: SmtpReceiver } = {};
    const server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      logger: false,
      onAuth(auth, _session, callback) {
        const ok = auth.username === options.username && auth.password === options.password;
        self.receiver?.authAttempts.push({ username: auth.username ?? '', ok });
        if (!ok) return callback(new Error('Invalid username or password'));
        callback(null, { user: auth.username });
      },
      onRcptTo(address, _session, callback) {
        const code = self.receiver?.refuse.get(address.address);
        if (code) return callback(Object.assign(new Error(`mailbox ${address.address} refused`), { responseCode: code }));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const mail = await simpleParser(raw);
          self.receiver?.received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail, raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const port = (server.server.address() as AddressInfo).port;
    self.receiver = new SmtpReceiver(server, port);
    return self.receiver;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
