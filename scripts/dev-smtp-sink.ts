// A local SMTP sink for trying the weekly report by hand: accepts every message on 127.0.0.1 and
// writes it to a folder as .eml (npm run smtp-sink -- PORT DIR). Never for production.
import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

const port = Number(process.argv[2] ?? 2525);
const dir = process.argv[3] ?? '.data/mail';
fs.mkdirSync(dir, { recursive: true });
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const to = session.envelope.rcptTo.map((r) => r.address).join(',');
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${to}.eml`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(file, Buffer.concat(chunks));
      process.stdout.write(`received for ${to}: ${file}\n`);
      callback();
    });
  },
});
server.listen(port, '127.0.0.1', () => process.stdout.write(`SMTP sink on 127.0.0.1:${port}, writing to ${dir}\n`));
